package org.passerelle.connectors.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.passerelle.connectors.support.PublicUrlSettings;
import org.passerelle.core.testing.RandomInputs;

/**
 * Properties of reading and checking Twilio's webhooks, over random Unicode, malformed, empty and
 * huge bodies and signatures: nothing but a 4xx refusal ever comes out, and a form signed as
 * Twilio signs it is read back field for field.
 */
class TwilioWebhookPropertyTests {

    private static final String AUTH = "property-auth-token";
    private static final String PATH = "/connectors/twilio/messages";
    private static final SignedWebhooks WEBHOOKS = new SignedWebhooks(
            new TwilioSettings("AC0", AUTH, "+33700000000", null, null),
            new PublicUrlSettings(URI.create("https://passerelle.example.org")));

    private final RandomInputs inputs = new RandomInputs();

    @Test
    void anyBodyAndSignatureIsEitherReadOrRefusedWithA4xx() {
        for (var text : inputs.texts(RandomInputs.tries())) {
            var body = inputs.bytes(text);
            var signature = inputs.nextInt(3) == 0 ? null : inputs.text(inputs.nextInt(40));
            var label = "seed " + inputs.seed() + ", body of " + body.length + " bytes";
            try {
                WEBHOOKS.verifiedForm(request(body, signature));
            } catch (WebhookRejectedException refused) {
                assertThat(refused.status().is4xxClientError()).as(label).isTrue();
            }
        }
    }

    @Test
    void aFormSignedAsTwilioSignsItIsReadBackFieldForField() {
        for (int i = 0; i < RandomInputs.tries(); i++) {
            var form = new LinkedHashMap<String, String>();
            form.put("From", "+336" + inputs.nextInt(100_000_000));
            form.put("Body", wellFormed(inputs.text(inputs.nextInt(300))));
            form.put("MessageSid", "SM" + Integer.toHexString(inputs.nextInt(Integer.MAX_VALUE)));
            var body = form.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&")).getBytes(StandardCharsets.UTF_8);
            var signature = TwilioSignatures.sign(AUTH, "https://passerelle.example.org" + PATH, form);

            assertThat(WEBHOOKS.verifiedForm(request(body, signature))).as("seed " + inputs.seed()).isEqualTo(form);
        }
    }

    /** The text with its lone surrogates replaced, as any real sender's UTF-8 would carry it. */
    private static String wellFormed(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    /** A POST to the messages webhook with this body and signature, and nothing else. */
    private static HttpServletRequest request(byte[] body, String signature) {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> SignedWebhooks.SIGNATURE_HEADER.equalsIgnoreCase((String) args[0]) ? signature : null;
                    case "getInputStream" -> stream(body);
                    case "getRequestURI" -> PATH;
                    case "getMethod" -> "POST";
                    case "getParameterMap" -> Map.of();
                    case "getContentType" -> "application/x-www-form-urlencoded";
                    default -> null;
                });
    }

    private static ServletInputStream stream(byte[] body) {
        var in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
    }
}

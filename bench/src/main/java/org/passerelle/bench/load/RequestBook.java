package org.passerelle.bench.load;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.passerelle.bench.MessageSample;

/**
 * Every request of a run, written and signed before the first is sent. Person {@code s} writes
 * in one language of the sample and goes through its messages in order, one message each time
 * her turn comes, each starting at her own place in the list (people of one language start at
 * each message in turn); the i-th request is person {@code i mod senders}'s. So every stretch of
 * requests, whatever phase it falls in, holds the sample's kinds of message in equal shares (a
 * greeting, a topic, an appointment, a menu number...), and the phases' figures compare. SMS
 * webhooks carry the fields Twilio posts and its signature, as Twilio computes it: HMAC-SHA1 with
 * the auth token over the public URL followed by each field's name and value in name order, in
 * Base64; each has a message SID of its own, so that none is taken for a delivery again.
 */
final class RequestBook {

    static final String SMS_PATH = "/connectors/twilio/messages";
    static final String NOOP_PATH = "/connectors/twilio/noop";
    static final String WEBCHAT_PATH = "/webchat/api/messages";
    private static final String FORM = "application/x-www-form-urlencoded";

    private final AppUnderTest.Twilio twilio;
    private final int port;
    private final int senders;
    private final List<List<String>> byLanguage;
    private final List<String> webChatIds;

    RequestBook(AppUnderTest.Twilio twilio, int port, int senders) {
        this.twilio = twilio;
        this.port = port;
        this.senders = senders;
        this.byLanguage = MessageSample.byLanguage();
        var random = new SecureRandom();
        var ids = new ArrayList<String>(senders);
        for (int s = 0; s < senders; s++) {
            var bytes = new byte[24];
            random.nextBytes(bytes);
            ids.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        this.webChatIds = List.copyOf(ids);
    }

    /** The text of the i-th message: its sender's next message, in her language. */
    String text(long i) {
        return MessageSample.next(byLanguage, (int) (i % senders), i / senders);
    }

    /** Signed SMS webhooks to {@code path}, numbered from {@code first}. */
    byte[][] sms(String path, long first, int count) {
        var requests = new byte[count][];
        var mac = mac();
        var url = twilio.publicBaseUrl() + path;
        for (int k = 0; k < count; k++) {
            long i = first + k;
            var form = form(i);
            var data = new StringBuilder(url);
            new TreeMap<>(form).forEach((name, value) -> data.append(name).append(value));
            var signature = Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
            requests[k] = HttpConnection.request("POST", path, port, FORM,
                    "User-Agent: TwilioProxy/1.1\r\nX-Twilio-Signature: " + signature + "\r\n", encode(form));
        }
        return requests;
    }

    /** Web chat messages, numbered from {@code first}: each person has a conversation of her own. */
    byte[][] webChat(long first, int count) {
        var requests = new byte[count][];
        for (int k = 0; k < count; k++) {
            long i = first + k;
            var body = "{\"conversationId\":\"" + webChatIds.get((int) (i % senders)) + "\",\"text\":\""
                    + json(text(i)) + "\"}";
            requests[k] = HttpConnection.request("POST", WEBCHAT_PATH, port, "application/json", "", body);
        }
        return requests;
    }

    private Map<String, String> form(long i) {
        var from = "+3361" + String.format("%07d", i % senders);
        var sid = String.format("SM%032x", i);
        var form = new LinkedHashMap<String, String>();
        form.put("ToCountry", "FR");
        form.put("SmsMessageSid", sid);
        form.put("NumMedia", "0");
        form.put("SmsSid", sid);
        form.put("SmsStatus", "received");
        form.put("Body", text(i));
        form.put("FromCountry", "FR");
        form.put("To", twilio.from());
        form.put("NumSegments", "1");
        form.put("MessageSid", sid);
        form.put("AccountSid", twilio.accountSid());
        form.put("From", from);
        form.put("ApiVersion", "2010-04-01");
        return form;
    }

    private Mac mac() {
        try {
            var mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(twilio.authToken().getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String json(String text) {
        var escaped = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}

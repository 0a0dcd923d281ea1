package org.passerelle.connectors.twilio;

import com.twilio.security.RequestValidator;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.passerelle.connectors.support.PublicUrlSettings;
import org.springframework.http.HttpStatus;

/**
 * Reads the form of a Twilio webhook and checks its {@code X-Twilio-Signature}: Twilio signs the
 * URL it called (the public base URL, the path and the query) followed by the form's fields in
 * name order. The URL is rebuilt from {@code passerelle.public-base-url}, never from the Host
 * header, so the check holds behind a proxy and a forged Host cannot change it.
 */
class SignedWebhooks {

    static final String SIGNATURE_HEADER = "X-Twilio-Signature";

    private final RequestValidator validator;
    private final PublicUrlSettings publicUrl;

    SignedWebhooks(TwilioSettings settings, PublicUrlSettings publicUrl) {
        this.validator = new RequestValidator(settings.authToken());
        this.publicUrl = publicUrl;
        publicUrl.urlOf("/");
    }

    /**
     * The form fields of a request whose signature holds, first value of each field.
     *
     * @throws WebhookRejectedException 403 when the signature is missing or wrong, 400 when the
     *                                  form cannot be read
     */
    Map<String, String> verifiedForm(HttpServletRequest request) {
        var signature = request.getHeader(SIGNATURE_HEADER);
        if (signature == null || signature.isBlank()) {
            throw new WebhookRejectedException(HttpStatus.FORBIDDEN, "missing " + SIGNATURE_HEADER + " header");
        }
        var form = form(request);
        var query = request.getQueryString();
        var url = publicUrl.urlOf(request.getRequestURI()) + (query == null ? "" : "?" + query);
        if (!validator.validate(url, form, signature.strip())) {
            throw new WebhookRejectedException(HttpStatus.FORBIDDEN, SIGNATURE_HEADER + " does not match the request");
        }
        return form;
    }

    private static Map<String, String> form(HttpServletRequest request) {
        try {
            var body = request.getInputStream().readAllBytes();
            if (body.length > 0) {
                return firstValues(parse(new String(body, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the webhook body", e);
        } catch (IllegalArgumentException e) {
            throw new WebhookRejectedException(HttpStatus.BAD_REQUEST, "malformed form body");
        }
        // a filter read the body already: the container kept its fields, mixed with the query's
        return bodyParameters(request);
    }

    private static Map<String, String> bodyParameters(HttpServletRequest request) {
        var query = request.getQueryString() == null ? Map.<String, List<String>>of() : parse(request.getQueryString());
        var form = new LinkedHashMap<String, String>();
        request.getParameterMap().forEach((name, values) -> {
            var remaining = new ArrayList<>(List.of(values));
            query.getOrDefault(name, List.of()).forEach(remaining::remove);
            if (!remaining.isEmpty()) {
                form.put(name, remaining.get(0));
            }
        });
        return form;
    }

    private static Map<String, List<String>> parse(String encoded) {
        var fields = new LinkedHashMap<String, List<String>>();
        for (var pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            var name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            var value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            fields.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return fields;
    }

    private static Map<String, String> firstValues(Map<String, List<String>> fields) {
        var first = new LinkedHashMap<String, String>();
        fields.forEach((name, values) -> first.put(name, values.get(0)));
        return first;
    }
}

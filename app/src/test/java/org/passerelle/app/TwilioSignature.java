package org.passerelle.app;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.SortedMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Twilio's webhook signature, as Twilio computes it, for the tests that post signed webhooks. */
final class TwilioSignature {

    private TwilioSignature() {
    }

    /** HMAC-SHA1 with the auth token of the URL followed by each parameter's name and value, sorted, in Base64. */
    static String of(String authToken, String url, SortedMap<String, String> params) {
        var data = new StringBuilder(url);
        params.forEach((name, value) -> data.append(name).append(value));
        try {
            var mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }
}

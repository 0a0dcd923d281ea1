package org.passerelle.admin.security;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where people reach the application ({@code passerelle.public-base-url}), for the links it
 * prints; unset means this machine, on the port the server listens on.
 *
 * @param publicBaseUrl the base URL, such as {@code https://passerelle.example.org}
 */
@ConfigurationProperties("passerelle")
public record PublicAddress(URI publicBaseUrl) {

    /** The base URL without a trailing slash, or {@code http://localhost:PORT} when unset. */
    String base(int port) {
        if (publicBaseUrl == null || publicBaseUrl.toString().isBlank()) {
            return "http://localhost:" + port;
        }
        var text = publicBaseUrl.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}

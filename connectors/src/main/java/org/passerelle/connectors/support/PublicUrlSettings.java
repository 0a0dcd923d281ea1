package org.passerelle.connectors.support;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The public address of the application ({@code passerelle.public-base-url}): scheme, host,
 * port and an optional path prefix under which a proxy exposes the application's root, such as
 * {@code https://passerelle.example.org}. Twilio signs its webhooks with the URL it called, so
 * the signature is checked against this base plus the request path, whatever host the request
 * reaches behind the proxy; delivery statuses are asked for at this base, and Telegram is told
 * to send its updates there.
 *
 * @param publicBaseUrl the base URL, without a trailing slash needed
 */
@ConfigurationProperties("passerelle")
public record PublicUrlSettings(URI publicBaseUrl) {

    /**
     * The public URL of a path of this application.
     *
     * @throws IllegalStateException when {@code passerelle.public-base-url} is not set
     */
    public String urlOf(String path) {
        if (publicBaseUrl == null || publicBaseUrl.getHost() == null) {
            throw new IllegalStateException("passerelle.public-base-url is not set");
        }
        var base = publicBaseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    /** Whether the public base URL is set. */
    public boolean isSet() {
        return publicBaseUrl != null && publicBaseUrl.getHost() != null;
    }
}

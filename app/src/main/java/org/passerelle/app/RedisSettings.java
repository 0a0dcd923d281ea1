package org.passerelle.app;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Passerelle reaches Redis ({@code passerelle.redis.*}).
 *
 * @param url            {@code redis://[user:password@]host:port[/db]} or {@code rediss://…};
 *                       unset, an embedded server is started on a free loopback port
 * @param keyPrefix      put before every key, so that several deployments can share a server
 * @param poolMaxTotal   most connections in the pool
 * @param connectTimeout how long to wait for a connection
 * @param socketTimeout  how long to wait for an answer
 */
@ConfigurationProperties("passerelle.redis")
public record RedisSettings(
        URI url,
        @DefaultValue("passerelle:") String keyPrefix,
        @DefaultValue("32") int poolMaxTotal,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("2s") Duration socketTimeout) {

    /** Whether Passerelle starts its own embedded Redis. */
    public boolean embedded() {
        return url == null || url.toString().isBlank();
    }
}

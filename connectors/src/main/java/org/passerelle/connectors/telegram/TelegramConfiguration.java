package org.passerelle.connectors.telegram;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.passerelle.core.privacy.AddressSealer;
import org.passerelle.core.privacy.Keyring;
import org.passerelle.core.store.RedisStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The Bot API client, shared by the sender and the inbound side (callback answers), and in
 * polling mode the lease, the update stream and the two loops around them.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(TelegramConfigured.class)
class TelegramConfiguration {

    @Bean
    TelegramClient telegramClient(TelegramSettings settings) {
        return new OkHttpTelegramClient(settings.token(), telegramUrl(settings.apiUrl()));
    }

    /** The library takes the API base as scheme, host and port. */
    static TelegramUrl telegramUrl(URI apiUrl) {
        var scheme = apiUrl.getScheme() == null ? "https" : apiUrl.getScheme();
        int port = apiUrl.getPort() != -1 ? apiUrl.getPort() : ("http".equals(scheme) ? 80 : 443);
        return new TelegramUrl(scheme, apiUrl.getHost(), port, false);
    }

    /** Long polling, shared by the instances through Redis. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(TelegramConfigured.class)
    @ConditionalOnProperty(prefix = "passerelle.telegram", name = "mode", havingValue = "polling", matchIfMissing = true)
    static class Polling {

        /** The updates are texts about a person: sealed under the same keys as her other texts. */
        @Bean
        TelegramPolling.PollingParts telegramPollingParts(RedisStore store, Keyring keyring,
                TelegramSettings settings, Clock clock) {
            var texts = AddressSealer.forTexts(keyring, null);
            return new TelegramPolling.PollingParts(UpdateStream.lease(store, settings.polling().lease()),
                    new UpdateStream(store, texts, settings.polling(), clock));
        }

        @Bean
        TelegramPolling telegramPolling(TelegramUpdates updates, TelegramPolling.PollingParts parts,
                TelegramSettings settings) {
            return new TelegramPolling(updates, parts, pollingClient(settings), settings);
        }

        @Bean
        StreamedUpdates streamedUpdates(TelegramUpdates updates, TelegramPolling.PollingParts parts, Clock clock) {
            return new StreamedUpdates(updates, parts.stream(), clock);
        }

        /** A client of its own, whose read timeout outlasts the long poll's wait. */
        private static TelegramClient pollingClient(TelegramSettings settings) {
            var http = new OkHttpClient.Builder()
                    .readTimeout(settings.polling().longPoll().plus(Duration.ofSeconds(10)))
                    .build();
            return new OkHttpTelegramClient(http, settings.token(), telegramUrl(settings.apiUrl()));
        }
    }
}

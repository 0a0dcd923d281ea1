package org.passerelle.connectors.telegram;

import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** The Bot API client, shared by the sender and the inbound side (callback answers). */
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
}

package org.passerelle.app;

import org.passerelle.admin.audit.AuditSettings;
import org.passerelle.admin.inbox.InboxSettings;
import org.passerelle.admin.security.AdminSettings;
import org.passerelle.admin.security.LoginLimitSettings;
import org.passerelle.admin.security.PublicAddress;
import org.passerelle.connectors.support.PerIpLimitSettings;
import org.passerelle.connectors.support.PublicUrlSettings;
import org.passerelle.connectors.telegram.TelegramSettings;
import org.passerelle.connectors.twilio.TwilioSettings;
import org.passerelle.connectors.webchat.WebChatSettings;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Starts Passerelle: the engine, its channels and its web pages on one Redis.
 *
 * <p>The settings records are listed here rather than found by a second scan of the classpath
 * (the component scan already reads every class once); {@code ConfigurationPropertiesRegistrationTests}
 * fails when a new one is missing from the list.
 */
@SpringBootApplication(scanBasePackages = "org.passerelle")
@EnableConfigurationProperties({
        PasserelleSettings.class, RedisSettings.class, PrivacySettings.class, ContentSettings.class,
        ConversationSettings.class, HandoffProperties.class, JournalProperties.class, StatsProperties.class,
        BarrierProperties.class, OutboxSettingsProperties.class,
        AuditSettings.class, InboxSettings.class, AdminSettings.class, LoginLimitSettings.class, PublicAddress.class,
        TwilioSettings.class, WebChatSettings.class, TelegramSettings.class, PublicUrlSettings.class,
        PerIpLimitSettings.class})
public class PasserelleApplication {

    /** Springdoc's beans wait for the first request to the API description (see {@link LazyApiDocs}). */
    @Bean
    static LazyApiDocs lazyApiDocs() {
        return new LazyApiDocs();
    }

    public static void main(String[] args) {
        SpringApplication.run(PasserelleApplication.class, args);
    }
}

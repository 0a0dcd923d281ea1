package org.passerelle.connectors.twilio;

import com.twilio.http.TwilioRestClient;
import io.micrometer.observation.ObservationRegistry;
import org.passerelle.connectors.support.PublicUrlSettings;
import org.passerelle.core.channel.Channel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the Twilio connector when {@code passerelle.twilio.account-sid} and
 * {@code passerelle.twilio.auth-token} are set: the REST client, one sender per channel and the
 * webhook pieces. Fails the start when a sender number (or messaging service) or
 * {@code passerelle.public-base-url} is missing.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(TwilioEnabled.class)
@EnableConfigurationProperties({TwilioSettings.class, PublicUrlSettings.class})
class TwilioConfiguration {

    static final String STATUS_PATH = "/connectors/twilio/status";

    @Bean
    TwilioRestClient twilioRestClient(TwilioSettings settings) {
        settings.requireComplete();
        return restClient(settings);
    }

    @Bean
    TwilioSender twilioSmsSender(TwilioRestClient twilioRestClient, TwilioSettings settings, PublicUrlSettings publicUrl) {
        return new TwilioSender(Channel.SMS, twilioRestClient, settings, publicUrl.urlOf(STATUS_PATH));
    }

    @Bean
    TwilioSender twilioWhatsAppSender(TwilioRestClient twilioRestClient, TwilioSettings settings,
            PublicUrlSettings publicUrl) {
        return new TwilioSender(Channel.WHATSAPP, twilioRestClient, settings, publicUrl.urlOf(STATUS_PATH));
    }

    @Bean
    SignedWebhooks twilioSignedWebhooks(TwilioSettings settings, PublicUrlSettings publicUrl) {
        return new SignedWebhooks(settings, publicUrl);
    }

    @Bean
    DeliveryStatuses twilioDeliveryStatuses(ObjectProvider<ObservationRegistry> registry) {
        return new DeliveryStatuses(registry.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    static TwilioRestClient restClient(TwilioSettings settings) {
        return new TwilioRestClient.Builder(settings.accountSid(), settings.authToken())
                .httpClient(new ApiBaseHttpClient(settings.apiUrl()))
                .build();
    }
}

package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.passerelle.core.channel.Channel;

class OutboxSettingsPropertiesTests {

    @Test
    void putsConfiguredRatesOverTheDefaults() {
        var settings = new OutboxSettingsProperties(Duration.ofMillis(100), Duration.ofSeconds(1), 8,
                Map.of("sms", Duration.ofSeconds(3)), Map.of("telegram", 20)).toSettings();
        assertThat(settings.perChat()).containsEntry(Channel.SMS, Duration.ofSeconds(3))
                .containsEntry(Channel.TELEGRAM, Duration.ofSeconds(1));
        assertThat(settings.perChannelRate()).containsEntry(Channel.TELEGRAM, 20).containsEntry(Channel.SMS, 10);
    }

    @Test
    void refusesAnUnknownChannel() {
        assertThatThrownBy(() -> new OutboxSettingsProperties(Duration.ofMillis(100), Duration.ofSeconds(1), 8,
                Map.of("fax", Duration.ofSeconds(1)), null).toSettings())
                .isInstanceOf(StartupException.class).hasMessageContaining("fax");
    }
}

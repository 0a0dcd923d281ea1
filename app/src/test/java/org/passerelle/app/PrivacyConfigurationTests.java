package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.passerelle.core.booking.Slot;

/** When the daily re-seal sweep runs next: at the hour set, Paris time, whatever the changes of time. */
class PrivacyConfigurationTests {

    private static final LocalTime FOUR = LocalTime.of(4, 0);

    private static ZonedDateTime paris(String time) {
        return LocalDateTime.parse(time).atZone(Slot.PARIS);
    }

    @Test
    void runsLaterTheSameNightOrTheNextOne() {
        assertThat(PrivacyConfiguration.untilNext(FOUR, paris("2026-11-29T01:30"))).isEqualTo(Duration.ofMinutes(150));
        assertThat(PrivacyConfiguration.untilNext(FOUR, paris("2026-11-29T05:00"))).isEqualTo(Duration.ofHours(23));
        assertThat(PrivacyConfiguration.untilNext(FOUR, paris("2026-11-29T04:00"))).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void keepsItsHourAcrossTheChangesOfTime() {
        // The clocks go forward at 02:00 on 29 March 2026 and back at 03:00 on 25 October 2026.
        assertThat(PrivacyConfiguration.untilNext(FOUR, paris("2026-03-28T22:00"))).isEqualTo(Duration.ofHours(5));
        assertThat(PrivacyConfiguration.untilNext(FOUR, paris("2026-10-24T22:00"))).isEqualTo(Duration.ofHours(7));
        var after = paris("2026-03-28T22:00").plus(PrivacyConfiguration.untilNext(FOUR, paris("2026-03-28T22:00")));
        assertThat(after.toLocalTime()).isEqualTo(FOUR);
    }

    @Test
    void defaultsToFourInTheMorning() {
        assertThat(new PrivacySettings(null, Duration.ofDays(30), null, null, null).resealAt()).isEqualTo(FOUR);
    }
}

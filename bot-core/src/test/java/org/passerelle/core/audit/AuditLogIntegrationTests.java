package org.passerelle.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;

class AuditLogIntegrationTests {

    private final RedisStore store = TestRedis.newStore();
    private final AuditLog log = new AuditLog(store, Duration.ofDays(365), 1000, Clock.systemUTC());

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void readsBackWhoDidWhatWithTheRouteVariablesInOrder() {
        var variables = new LinkedHashMap<String, String>();
        variables.put("id", "svc-1");
        variables.put("code", "K7P2Q");
        var before = Instant.now().minusSeconds(1);

        log.record(AuditEntry.of("amina", "MEDIATOR", "POST /api/services/{id}/bookings/{code}/attendance",
                variables, 200));
        log.record(AuditEntry.of("nobody", "", AuditEntry.SIGN_IN_FAILED, Map.of(), null));

        var entries = log.between(before, Instant.now().plusSeconds(1), 100);
        assertThat(entries).hasSize(2);
        var first = entries.get(0);
        assertThat(first.username()).isEqualTo("amina");
        assertThat(first.role()).isEqualTo("MEDIATOR");
        assertThat(first.action()).isEqualTo("POST /api/services/{id}/bookings/{code}/attendance");
        assertThat(first.variables()).containsExactly(Map.entry("id", "svc-1"), Map.entry("code", "K7P2Q"));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.at()).isBetween(before, Instant.now());
        assertThat(entries.get(1).status()).isNull();
        assertThat(entries.get(1).action()).isEqualTo(AuditEntry.SIGN_IN_FAILED);
    }

    @Test
    void readsOnlyTheAskedTimeRangeAndAtMostTheLimit() throws InterruptedException {
        log.record(AuditEntry.of("a", "ADMIN", "DELETE /api/team/mediators/{username}", Map.of(), 204));
        Thread.sleep(5);
        var middle = Instant.now();
        Thread.sleep(5);
        log.record(AuditEntry.of("b", "ADMIN", "PUT /api/team/hours", Map.of(), 200));
        log.record(AuditEntry.of("c", "ADMIN", "PUT /api/team/hours", Map.of(), 200));

        assertThat(log.between(Instant.EPOCH, middle, 100)).extracting(AuditEntry::username).containsExactly("a");
        assertThat(log.between(middle, Instant.now().plusSeconds(1), 100)).extracting(AuditEntry::username)
                .containsExactly("b", "c");
        assertThat(log.between(Instant.EPOCH, Instant.now().plusSeconds(1), 2)).extracting(AuditEntry::username)
                .containsExactly("a", "b");
        assertThat(log.between(middle, middle, 100)).isEmpty();
    }

    @Test
    void dropsEntriesPastTheRetentionPeriodAndBeyondTheLengthCap() throws InterruptedException {
        var shortLived = new AuditLog(store, Duration.ofMillis(200), 1000, Clock.systemUTC());
        shortLived.record(AuditEntry.of("old", "ADMIN", "PUT /api/team/hours", Map.of(), 200));
        Thread.sleep(300);

        assertThat(shortLived.between(Instant.EPOCH, Instant.now().plusSeconds(1), 100)).isEmpty();
        shortLived.record(AuditEntry.of("new", "ADMIN", "PUT /api/team/hours", Map.of(), 200));
        assertThat(shortLived.length()).isEqualTo(1);

        var capped = new AuditLog(store, Duration.ofDays(365), 2, Clock.systemUTC());
        capped.record(AuditEntry.of("second", "ADMIN", "PUT /api/team/hours", Map.of(), 200));
        capped.record(AuditEntry.of("third", "ADMIN", "PUT /api/team/hours", Map.of(), 200));
        assertThat(capped.between(Instant.EPOCH, Instant.now().plusSeconds(1), 100))
                .extracting(AuditEntry::username).containsExactly("second", "third");
    }

    @Test
    void aYearLaterTheEntriesOfLastYearAreNoLongerRead() {
        log.record(AuditEntry.of("old", "ADMIN", "PUT /api/team/hours", Map.of(), 200));
        var aYearOn = Clock.fixed(Instant.now().plus(Duration.ofDays(366)), ZoneOffset.UTC);

        assertThat(new AuditLog(store, Duration.ofDays(365), 1000, aYearOn)
                .between(Instant.EPOCH, Instant.now().plusSeconds(1), 100)).isEmpty();
        assertThat(log.between(Instant.EPOCH, Instant.now().plusSeconds(1), 100)).hasSize(1);
    }

    @Test
    void refusesAnInvertedRangeOrAnUnreasonableLimit() {
        var now = Instant.now();

        assertThatThrownBy(() -> log.between(now, now.minusSeconds(1), 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.between(now, now, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.between(now, now, AuditLog.MAX_READ + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

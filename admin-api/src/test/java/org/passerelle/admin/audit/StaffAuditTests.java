package org.passerelle.admin.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.passerelle.core.audit.AuditEntry;
import org.passerelle.core.audit.AuditLog;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

class StaffAuditTests {

    @Test
    void anUnreachableStoreNeverFailsTheAction() {
        var nowhere = new JedisPooled(new HostAndPort("127.0.0.1", TestRedis.freePort()),
                DefaultJedisClientConfig.builder().connectionTimeoutMillis(200).socketTimeoutMillis(200).build());
        try (var store = new RedisStore(nowhere, "audit-test:")) {
            var audit = new StaffAudit(new AuditLog(store, Duration.ofDays(365), 100, Clock.systemUTC()));

            assertThatCode(() -> {
                audit.action("amina", List.of(new SimpleGrantedAuthority("ROLE_MEDIATOR")),
                        "POST /api/inbox/conversations/{id}/claim", Map.of("id", "c-1"), 200);
                audit.signInFailed(null);
            }).doesNotThrowAnyException();
        }
    }

    @Test
    void keepsTheRoleAndShortensALongRouteVariable() {
        try (var store = TestRedis.newStore()) {
            var log = new AuditLog(store, Duration.ofDays(365), 100, Clock.systemUTC());
            var audit = new StaffAudit(log);

            audit.action("boss", List.of(new SimpleGrantedAuthority("ROLE_ADMIN")), "DELETE /api/team/mediators/{username}",
                    Map.of("username", "x".repeat(500)), 204);

            var entry = log.between(Instant.EPOCH, Instant.now().plusSeconds(1), 10).get(0);
            assertThat(entry.role()).isEqualTo("ADMIN");
            assertThat(entry.variables().get("username")).hasSize(64);
        }
    }

    @Test
    void aCsvCellIsQuotedWhenNeededAndNeverReadAsAFormula() {
        assertThat(AuditController.AuditCsv.cell("plain")).isEqualTo("plain");
        assertThat(AuditController.AuditCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditController.AuditCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditController.AuditCsv.cell("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
        var line = AuditController.AuditCsv.line(new AuditEntry(Instant.parse("2026-11-28T14:00:00Z"), "amina",
                "MEDIATOR", "POST /api/services/{id}/bookings/{code}/attendance",
                Map.of("id", "pad"), 200));
        assertThat(line).isEqualTo(
                "2026-11-28T14:00:00Z,amina,MEDIATOR,POST /api/services/{id}/bookings/{code}/attendance,id=pad,200");
    }
}

package org.passerelle.app;

import org.passerelle.core.journal.JournaledIntake;
import org.passerelle.core.store.RedisStore;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Redis is up when it answers a PING and the messages kept in the inbound journal while it was
 * down have all been replayed; shown as {@code redis} in {@code /actuator/health}, with the
 * number of messages still waiting in the journal and the mode ({@code embedded},
 * {@code standalone}, {@code sentinel} or {@code cluster}). With Sentinel the PING goes to the
 * current master; in a cluster to every master node, so one that is down makes Redis DOWN.
 */
@Component("redis")
class RedisHealthIndicator implements HealthIndicator {

    private final RedisStore store;
    private final RedisMode mode;
    private final JournaledIntake intake;

    RedisHealthIndicator(RedisStore store, RedisMode mode, JournaledIntake intake) {
        this.store = store;
        this.mode = mode;
        this.intake = intake;
    }

    @Override
    public Health health() {
        var mode = this.mode.name();
        int pending = intake.pending();
        if (!store.ping()) {
            return Health.down().withDetail("mode", mode).withDetail("error", "no answer to PING")
                    .withDetail("journalPending", pending).build();
        }
        if (pending > 0) {
            return Health.down().withDetail("mode", mode).withDetail("error", "replaying the inbound journal")
                    .withDetail("journalPending", pending).build();
        }
        return Health.up().withDetail("mode", mode).withDetail("journalPending", 0).build();
    }
}

package org.passerelle.core.limits;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The same token buckets in this instance's memory, for while Redis is unavailable. Bounded:
 * past {@link #MAX_BUCKETS} addresses the full ones are forgotten, then all if need be.
 */
final class MemoryBuckets {

    static final int MAX_BUCKETS = 10_000;

    private final ConcurrentHashMap<String, double[]> buckets = new ConcurrentHashMap<>();
    private final Clock clock;

    MemoryBuckets(Clock clock) {
        this.clock = clock;
    }

    Decision take(Limit limit, String hashed) {
        if (buckets.size() > MAX_BUCKETS) {
            prune(limit);
        }
        long now = clock.millis();
        double per = limit.millisPerToken();
        var bucket = buckets.computeIfAbsent(limit.name() + ":" + hashed, k -> new double[] {limit.capacity(), now});
        synchronized (bucket) {
            if (now > bucket[1]) {
                bucket[0] = Math.min(limit.capacity(), bucket[0] + (now - bucket[1]) / per);
                bucket[1] = now;
            }
            if (bucket[0] >= 1) {
                bucket[0] -= 1;
                return Decision.allow();
            }
            return Decision.refuse((long) Math.ceil((1 - bucket[0]) * per));
        }
    }

    Decision check(Limit limit, String hashed) {
        var bucket = buckets.get(limit.name() + ":" + hashed);
        if (bucket == null) {
            return Decision.allow();
        }
        synchronized (bucket) {
            double tokens = Math.min(limit.capacity(),
                    bucket[0] + Math.max(0, clock.millis() - bucket[1]) / limit.millisPerToken());
            return tokens >= 1 ? Decision.allow()
                    : Decision.refuse((long) Math.ceil((1 - tokens) * limit.millisPerToken()));
        }
    }

    private void prune(Limit limit) {
        long now = clock.millis();
        buckets.values().removeIf(b -> b[0] + (now - b[1]) / limit.millisPerToken() >= limit.capacity());
        if (buckets.size() > MAX_BUCKETS) {
            buckets.clear();
        }
    }
}

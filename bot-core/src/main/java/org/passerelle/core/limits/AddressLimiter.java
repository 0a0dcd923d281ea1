package org.passerelle.core.limits;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.passerelle.core.store.RedisScript;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token buckets per client address (an IP address as the web server sees it), in Redis under
 * {@code limit:{name}:{hmac}}, a hash of the tokens left and the time they were counted, which
 * expires once the bucket would be full again. While Redis is unavailable each instance counts
 * in memory, so that the limit holds, per instance, and no one is refused because of the outage.
 * Thread-safe.
 */
public final class AddressLimiter {

    private static final Logger log = LoggerFactory.getLogger(AddressLimiter.class);
    private static final RedisScript TAKE = new RedisScript("""
            local capacity = tonumber(ARGV[1])
            local per = tonumber(ARGV[2])
            local now = tonumber(ARGV[3])
            local kept = redis.call('hmget', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(kept[1]) or capacity
            local at = tonumber(kept[2]) or now
            if now > at then tokens = math.min(capacity, tokens + (now - at) / per) end
            local wait = 0
            if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) * per) end
            redis.call('hset', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(math.max(now, at)))
            redis.call('pexpire', KEYS[1], math.ceil((capacity - tokens) * per) + 1000)
            return wait
            """);

    private static final RedisScript PEEK = new RedisScript("""
            local capacity = tonumber(ARGV[1])
            local per = tonumber(ARGV[2])
            local now = tonumber(ARGV[3])
            local kept = redis.call('hmget', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(kept[1]) or capacity
            local at = tonumber(kept[2]) or now
            if now > at then tokens = math.min(capacity, tokens + (now - at) / per) end
            if tokens >= 1 then return 0 end
            return math.ceil((1 - tokens) * per)
            """);

    private final RedisStore store;
    // A Mac is not thread-safe and costly to set up: one per thread, keyed once.
    private final ThreadLocal<Mac> macs;
    private final Clock clock;
    private final MemoryBuckets memory;

    /**
     * @param store  the Redis store
     * @param secret the server secret that addresses are hashed with (at least 32 bytes)
     * @param clock  the time source
     */
    public AddressLimiter(RedisStore store, byte[] secret, Clock clock) {
        if (secret == null || secret.length < 32) {
            throw new IllegalArgumentException("the address hashing needs a secret of at least 32 bytes");
        }
        this.store = store;
        var key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> mac(key));
        this.clock = clock;
        this.memory = new MemoryBuckets(clock);
    }

    /** Takes one request of this address's allowance under this limit; never throws. */
    public Decision take(Limit limit, String address) {
        return run(TAKE, limit, address, true);
    }

    /**
     * Whether this address has anything left of its allowance, without taking from it, for a
     * limit that counts only some requests (failed sign-ins); never throws.
     */
    public Decision check(Limit limit, String address) {
        return run(PEEK, limit, address, false);
    }

    private Decision run(RedisScript script, Limit limit, String address, boolean take) {
        var hashed = hash(limit.name(), address == null ? "" : address);
        try {
            var wait = (Long) script.run(store, List.of(store.key("limit", limit.name(), hashed)),
                    List.of(Integer.toString(limit.capacity()), Double.toString(limit.millisPerToken()),
                            Long.toString(clock.millis())));
            return wait == null || wait <= 0 ? Decision.allow() : Decision.refuse(wait);
        } catch (StoreUnavailableException e) {
            log.debug("limit {} counted in memory: the store is unavailable", limit.name());
            return take ? memory.take(limit, hashed) : memory.check(limit, hashed);
        }
    }

    private String hash(String name, String address) {
        var mac = macs.get();
        mac.update(("limit:" + name + "\0").getBytes(StandardCharsets.UTF_8));
        var digest = mac.doFinal(address.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
    }

    private static Mac mac(SecretKeySpec key) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}

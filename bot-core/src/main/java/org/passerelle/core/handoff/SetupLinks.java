package org.passerelle.core.handoff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.passerelle.core.store.RedisStore;

/**
 * The one-time link that lets the first admin create her account when no account exists and no
 * bootstrap settings are given. Only the SHA-256 hash of the token is kept, with an expiry; a
 * new token replaces the one before; using it deletes it, atomically, so that it works once.
 * Wrong tokens are counted, and after too many in a short time every token is refused for a
 * while. Thread-safe.
 *
 * <p>Keys, after the store prefix: {@code staff:setup:token} (the hash) and
 * {@code staff:setup:wrong} (a counter of wrong tokens). Every method may throw
 * {@link org.passerelle.core.store.StoreUnavailableException} when Redis fails.
 */
public final class SetupLinks {

    /** What a token is, when it is looked at. */
    public enum Check { VALID, WRONG, GONE, THROTTLED }

    private static final int TOKEN_BYTES = 32;
    private static final String CONSUME = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
                redis.call('DEL', KEYS[1])
                return 1
            end
            return 0
            """;
    private static final String WRONG = """
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then
                redis.call('PEXPIRE', KEYS[1], ARGV[1])
            end
            return count
            """;

    private final RedisStore store;
    private final int maxWrong;
    private final Duration wrongWindow;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param store       the Redis store
     * @param maxWrong    wrong tokens after which every token is refused until the window ends
     * @param wrongWindow how long wrong tokens are counted from the first one
     */
    public SetupLinks(RedisStore store, int maxWrong, Duration wrongWindow) {
        if (maxWrong < 1 || wrongWindow.isNegative() || wrongWindow.isZero()) {
            throw new IllegalArgumentException("maxWrong must be at least 1 and wrongWindow positive");
        }
        this.store = Objects.requireNonNull(store, "store");
        this.maxWrong = maxWrong;
        this.wrongWindow = wrongWindow;
    }

    /** A new random token, valid for this long; the one before no longer works. */
    public String issue(Duration validity) {
        var bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store.call(jedis -> jedis.psetex(tokenKey(), validity.toMillis(), hash(token)));
        return token;
    }

    /**
     * Looks at a token without using it: {@link Check#GONE} when there is no token any more (used,
     * replaced and then used, or expired), {@link Check#WRONG} when another one is waiting (and the
     * wrong try is counted), {@link Check#THROTTLED} after too many wrong tries.
     */
    public Check check(String token) {
        if (throttled()) {
            return Check.THROTTLED;
        }
        String stored = store.call(jedis -> jedis.get(tokenKey()));
        if (stored == null) {
            return Check.GONE;
        }
        if (token != null && MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
                hash(token).getBytes(StandardCharsets.US_ASCII))) {
            return Check.VALID;
        }
        store.call(jedis -> jedis.eval(WRONG, List.of(wrongKey()), List.of(Long.toString(wrongWindow.toMillis()))));
        return Check.WRONG;
    }

    /** Uses a token: true once for the valid token, false for any other call. */
    public boolean consume(String token) {
        if (token == null) {
            return false;
        }
        Object done = store.call(jedis -> jedis.eval(CONSUME, List.of(tokenKey()), List.of(hash(token))));
        return Long.valueOf(1).equals(done);
    }

    /** Makes the current token, if any, stop working. */
    public void revoke() {
        store.call(jedis -> jedis.del(tokenKey()));
    }

    private boolean throttled() {
        String count = store.call(jedis -> jedis.get(wrongKey()));
        return count != null && Long.parseLong(count) >= maxWrong;
    }

    private String tokenKey() {
        return store.key("staff", "setup", "token");
    }

    private String wrongKey() {
        return store.key("staff", "setup", "wrong");
    }

    private static String hash(String token) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}

package org.passerelle.core.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.passerelle.core.store.RedisStore;
import redis.clients.jedis.params.ScanParams;

/**
 * The re-seal sweep: rewrites under the current key every sealed value that is under an older
 * one (or of the earlier form), in the hashes and lists about people ({@code conv:*},
 * {@code handoff:*}, {@code booking:*}, {@code reminder:*}), so that an old key can be retired
 * once a sweep finds nothing left under it. Each value is replaced only if it is still the one
 * read (compare and set), so that a turn writing meanwhile is never undone. The outbox stream is
 * not rewritten: its entries are deleted once sent and trimmed after two days, so an old key is
 * retired no sooner than two days after the rotation. Safe to run on several instances at once.
 */
public final class Rekey {

    /** What a sweep did. */
    public record Result(long values, long resealed, long unreadable) {
    }

    private static final List<String> FAMILIES = List.of("conv:*", "handoff:*", "booking:*", "reminder:*");
    private static final String HASH_SWAP = """
            if redis.call('hget', KEYS[1], ARGV[1]) == ARGV[2] then
                redis.call('hset', KEYS[1], ARGV[1], ARGV[3])
                return 1
            end
            return 0
            """;
    private static final String LIST_SWAP = """
            if redis.call('lindex', KEYS[1], ARGV[1]) == ARGV[2] then
                redis.call('lset', KEYS[1], ARGV[1], ARGV[3])
                return 1
            end
            return 0
            """;

    private final RedisStore store;
    private final List<AddressSealer> sealers;

    /**
     * @param store   the Redis store
     * @param sealers the sealers of every purpose (addresses, texts), under the same keyring
     */
    public Rekey(RedisStore store, List<AddressSealer> sealers) {
        this.store = store;
        this.sealers = List.copyOf(sealers);
    }

    /**
     * One sweep over the keys about people.
     *
     * @throws org.passerelle.core.store.StoreUnavailableException when Redis fails
     */
    public Result run() {
        long[] counts = new long[3];
        for (var family : FAMILIES) {
            for (var key : keys(store.key(family), "hash")) {
                Map<String, String> fields = store.call(jedis -> jedis.hgetAll(key));
                fields.forEach((field, value) -> count(counts, value,
                        fresh -> swap(HASH_SWAP, key, List.of(field, value, fresh))));
            }
            for (var key : keys(store.key(family), "list")) {
                List<String> elements = store.call(jedis -> jedis.lrange(key, 0, -1));
                for (int i = 0; i < elements.size(); i++) {
                    var index = Integer.toString(i);
                    var value = elements.get(i);
                    count(counts, value, fresh -> swap(LIST_SWAP, key, List.of(index, value, fresh)));
                }
            }
        }
        return new Result(counts[0], counts[1], counts[2]);
    }

    private interface Swap {
        boolean apply(String fresh);
    }

    private void count(long[] counts, String value, Swap swap) {
        if (!AddressSealer.isSealed(value) || sealers.get(0).isCurrent(value)) {
            counts[0] += AddressSealer.isSealed(value) ? 1 : 0;
            return;
        }
        counts[0]++;
        var fresh = resealed(value);
        if (fresh == null) {
            counts[2]++;
        } else if (swap.apply(fresh)) {
            counts[1]++;
        }
    }

    // A value opens with the sealer of its purpose only: the first that opens it seals it again.
    private String resealed(String value) {
        for (var sealer : sealers) {
            try {
                return sealer.reseal(value);
            } catch (IllegalArgumentException notThisPurpose) {
                // Try the next purpose.
            }
        }
        return null;
    }

    private boolean swap(String script, String key, List<String> args) {
        return Long.valueOf(1).equals(store.call(jedis -> jedis.eval(script, List.of(key), args)));
    }

    private List<String> keys(String pattern, String type) {
        var keys = new ArrayList<String>();
        var params = new ScanParams().match(pattern).count(500);
        var cursor = ScanParams.SCAN_POINTER_START;
        do {
            var from = cursor;
            var page = store.call(jedis -> jedis.scan(from, params, type));
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return keys;
    }
}

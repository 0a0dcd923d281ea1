package org.passerelle.app;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.passerelle.core.store.RedisStore;
import redis.clients.jedis.params.ScanParams;

/**
 * Every key of a Redis and every value it holds, whatever its type (string, hash, list, set,
 * sorted set, stream), read with SCAN: what a privacy scan looks through.
 */
final class RedisScan {

    /**
     * One key and its values, each as stored.
     *
     * @param key    the key
     * @param type   its Redis type
     * @param ttl    its time to live in seconds, -1 for none
     * @param values the values: hash fields and values, list elements, set and sorted-set members
     *               with their scores, stream entries' fields and values
     */
    record Item(String key, String type, long ttl, List<String> values) {

        /** Whether the key or one of its values contains this text. */
        boolean mentions(String text) {
            return key.contains(text) || values.stream().anyMatch(value -> value.contains(text));
        }
    }

    private RedisScan() {
    }

    /** Every key of the store, all prefixes included. */
    static List<Item> all(RedisStore store) {
        var items = new ArrayList<Item>();
        var params = new ScanParams().match("*").count(1000);
        var cursor = ScanParams.SCAN_POINTER_START;
        do {
            var at = cursor;
            var page = store.call(jedis -> jedis.scan(at, params));
            for (var key : page.getResult()) {
                items.add(store.call(jedis -> new Item(key, jedis.type(key), jedis.ttl(key), values(jedis, key))));
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return items;
    }

    private static List<String> values(redis.clients.jedis.UnifiedJedis jedis, String key) {
        var values = new ArrayList<String>();
        switch (jedis.type(key)) {
            case "string" -> values.add(jedis.get(key));
            case "hash" -> jedis.hgetAll(key).forEach((field, value) -> {
                values.add(field);
                values.add(value);
            });
            case "list" -> values.addAll(jedis.lrange(key, 0, -1));
            case "set" -> values.addAll(jedis.smembers(key));
            case "zset" -> jedis.zrangeWithScores(key, 0, -1).forEach(tuple -> {
                values.add(tuple.getElement());
                values.add(Long.toString((long) tuple.getScore()));
            });
            case "stream" -> jedis.xrange(key, "-", "+").forEach(entry -> entry.getFields().forEach((field, value) -> {
                values.add(field);
                values.add(value);
            }));
            default -> values.add("(unknown type)");
        }
        return values;
    }

    /** The values that open with this opener (a sealer), opened; those that do not are skipped. */
    static List<String> opened(List<Item> items, Function<String, String> opener) {
        var open = new ArrayList<String>();
        for (var item : items) {
            for (var value : item.values()) {
                try {
                    open.add(opener.apply(value));
                } catch (RuntimeException notSealedWithThisKey) {
                    // Most values are not sealed at all; those sealed under the other key fail too.
                }
            }
        }
        return open;
    }
}

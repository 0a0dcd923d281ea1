package org.passerelle.core.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import redis.clients.jedis.params.ScanParams;

/** Everything a store's prefix holds, as a dump of the server would show it: each key and its values. */
public final class RedisDump {

    private RedisDump() {
    }

    /** Each key under the store's prefix with every value it holds (fields and values, members, entries). */
    public static Map<String, List<String>> of(RedisStore store) {
        var dump = new TreeMap<String, List<String>>();
        store.call(jedis -> {
            var params = new ScanParams().match(store.prefix() + "*").count(1000);
            var cursor = ScanParams.SCAN_POINTER_START;
            do {
                var page = jedis.scan(cursor, params);
                for (var key : page.getResult()) {
                    var values = new ArrayList<String>();
                    switch (jedis.type(key)) {
                        case "string" -> values.add(jedis.get(key));
                        case "hash" -> jedis.hgetAll(key).forEach((field, value) -> {
                            values.add(field);
                            values.add(value);
                        });
                        case "list" -> values.addAll(jedis.lrange(key, 0, -1));
                        case "set" -> values.addAll(jedis.smembers(key));
                        case "zset" -> values.addAll(jedis.zrange(key, 0, -1));
                        case "stream" -> jedis.xrange(key, "-", "+").forEach(entry -> entry.getFields()
                                .forEach((field, value) -> {
                                    values.add(field);
                                    values.add(value);
                                }));
                        default -> { }
                    }
                    values.removeIf(java.util.Objects::isNull);
                    dump.put(key, values);
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
            return null;
        });
        return dump;
    }

    /** The keys whose name or any value contains this text. */
    public static List<String> keysMentioning(Map<String, List<String>> dump, String text) {
        return dump.entrySet().stream()
                .filter(e -> e.getKey().contains(text) || e.getValue().stream().anyMatch(v -> v.contains(text)))
                .map(Map.Entry::getKey).toList();
    }
}

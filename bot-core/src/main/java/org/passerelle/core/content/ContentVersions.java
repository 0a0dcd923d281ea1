package org.passerelle.core.content;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.passerelle.core.store.RedisStore;

/**
 * The numbered versions in Redis: each one a hash from file path to YAML text, with a hash of
 * metadata beside it; a counter says which one is in force. A new version is written and put in
 * force by one Lua script, only if the version in force is still the one it was based on.
 */
final class ContentVersions {

    private static final String CREATE = """
            local current = tonumber(redis.call('get', KEYS[1]) or '0')
            if current ~= tonumber(ARGV[1]) then return -current - 1 end
            local next = current + 1
            local version = ARGV[2] .. next
            local meta = ARGV[3] .. next
            local files = tonumber(ARGV[4])
            local i = 5
            for _ = 1, files do
                redis.call('hset', version, ARGV[i], ARGV[i + 1])
                i = i + 2
            end
            redis.call('hset', meta, 'kind', ARGV[i], 'publishedAt', ARGV[i + 1], 'author', ARGV[i + 2],
                'note', ARGV[i + 3], 'basedOn', ARGV[i + 4])
            i = i + 5
            while i <= #ARGV do
                if redis.call('hget', ARGV[i], 'stamp') == ARGV[i + 1] then
                    redis.call('del', ARGV[i])
                    redis.call('srem', ARGV[i + 2], ARGV[i + 3])
                end
                i = i + 4
            end
            redis.call('set', KEYS[1], next)
            return next
            """;

    /**
     * A draft to delete once its edit is in the new version, if nobody saved it again meanwhile:
     * its hash, the stamp of the save that was published, and its member in the set that lists it.
     */
    record Consumed(String key, String stamp, String set, String member) {
    }

    private final RedisStore store;

    ContentVersions(RedisStore store) {
        this.store = store;
    }

    int current() {
        var value = store.<String>call(jedis -> jedis.get(currentKey()));
        return value == null ? 0 : Integer.parseInt(value);
    }

    Map<String, String> files(int version) {
        return store.call(jedis -> jedis.hgetAll(store.key("content", "v", Integer.toString(version))));
    }

    ContentVersion info(int version) {
        Map<String, String> meta = store.call(jedis -> jedis.hgetAll(store.key("content", "meta",
                Integer.toString(version))));
        if (meta.isEmpty()) {
            throw new IllegalArgumentException("no content version " + version);
        }
        return new ContentVersion(version, meta.get("kind"), Instant.ofEpochMilli(Long.parseLong(meta.get("publishedAt"))),
                meta.get("author"), meta.get("note"), Integer.parseInt(meta.get("basedOn")));
    }

    /**
     * Writes the next version and puts it in force.
     *
     * @return its number
     * @throws ContentConflictException when the version in force is no longer {@code base}
     */
    int create(int base, Map<String, String> files, ContentVersion meta, List<Consumed> consumed) {
        var args = new ArrayList<String>();
        args.add(Integer.toString(base));
        args.add(store.key("content", "v", ""));
        args.add(store.key("content", "meta", ""));
        args.add(Integer.toString(files.size()));
        files.forEach((path, text) -> {
            args.add(path);
            args.add(text);
        });
        args.add(meta.kind());
        args.add(Long.toString(meta.publishedAt().toEpochMilli()));
        args.add(meta.author());
        args.add(meta.note());
        args.add(Integer.toString(meta.basedOn()));
        for (var draft : consumed) {
            args.add(draft.key());
            args.add(draft.stamp());
            args.add(draft.set());
            args.add(draft.member());
        }
        long result = (Long) store.call(jedis -> jedis.eval(CREATE, List.of(currentKey()), args));
        if (result < 0) {
            throw new ContentConflictException(base, (int) (-result - 1));
        }
        return (int) result;
    }

    String draftsKey() {
        return store.key("content", "drafts");
    }

    String currentKey() {
        return store.key("content", "current");
    }
}

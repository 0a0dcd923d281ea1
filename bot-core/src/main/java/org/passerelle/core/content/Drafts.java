package org.passerelle.core.content;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.passerelle.content.Language;
import org.passerelle.content.ReviewStatus;
import org.passerelle.content.TopicText;
import org.passerelle.core.store.RedisStore;

/**
 * Drafts in Redis: one hash per topic and language, and a set that lists them. Each save gets a
 * new stamp, so that a publish removes only the drafts it actually took in.
 */
final class Drafts {

    /** A draft with the stamp of its last save. */
    record Stamped(Draft draft, String stamp) {
    }

    private final RedisStore store;
    private final ContentVersions versions;
    private final Clock clock;

    Drafts(RedisStore store, ContentVersions versions, Clock clock) {
        this.store = store;
        this.versions = versions;
        this.clock = clock;
    }

    Draft save(String topicId, Language language, TopicText text, String author) {
        var now = clock.instant();
        var fields = Map.of(
                "status", text.status().yamlName(),
                "title", text.title(),
                "text", text.text(),
                "sms", text.sms(),
                "phrases", String.join("\n", text.phrases()),
                "author", author,
                "updatedAt", Long.toString(now.toEpochMilli()),
                "stamp", UUID.randomUUID().toString());
        var key = key(topicId, language);
        store.call(jedis -> {
            try (var tx = jedis.multi()) {
                tx.del(key);
                tx.hset(key, fields);
                tx.sadd(versions.draftsKey(), member(topicId, language));
                return tx.exec();
            }
        });
        return new Draft(topicId, language, text, author, now);
    }

    List<Stamped> all() {
        var members = new ArrayList<>(store.call(jedis -> jedis.smembers(versions.draftsKey())));
        members.sort(null);
        var drafts = new ArrayList<Stamped>();
        for (var member : members) {
            var parts = member.split(":", 2);
            var language = Language.fromCode(parts[1]);
            if (language.isPresent()) {
                get(parts[0], language.get()).ifPresent(drafts::add);
            }
        }
        return drafts;
    }

    Optional<Stamped> get(String topicId, Language language) {
        Map<String, String> fields = store.call(jedis -> jedis.hgetAll(key(topicId, language)));
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        var phrases = fields.get("phrases").isEmpty() ? List.<String>of() : Arrays.asList(fields.get("phrases").split("\n"));
        var text = new TopicText(ReviewStatus.fromYaml(fields.get("status")), fields.get("title"), fields.get("text"),
                fields.get("sms"), phrases);
        var draft = new Draft(topicId, language, text, fields.get("author"),
                Instant.ofEpochMilli(Long.parseLong(fields.get("updatedAt"))));
        return Optional.of(new Stamped(draft, fields.get("stamp")));
    }

    boolean discard(String topicId, Language language) {
        long removed = store.call(jedis -> {
            jedis.srem(versions.draftsKey(), member(topicId, language));
            return jedis.del(key(topicId, language));
        });
        return removed > 0;
    }

    ContentVersions.Consumed consumed(Stamped stamped) {
        var draft = stamped.draft();
        return new ContentVersions.Consumed(key(draft.topicId(), draft.language()), stamped.stamp(),
                versions.draftsKey(), member(draft.topicId(), draft.language()));
    }

    private String key(String topicId, Language language) {
        return store.key("content", "draft", topicId, language.code());
    }

    private static String member(String topicId, Language language) {
        return topicId + ":" + language.code();
    }
}

package org.passerelle.core.handoff;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.passerelle.core.privacy.AddressSealer;
import org.passerelle.core.store.RedisScript;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.WriteBatch;

/**
 * What was written in a conversation, for the mediator who takes it, sealed with AES-GCM in
 * Redis. For every conversation the last few turns are kept briefly (the context); when she is
 * handed off, the context starts her transcript and everything after it is added, while the
 * handoff is open and until a set period after it closes. Erasing deletes both at once.
 * Each stored element is one turn (her message and the bot's replies) or one mediator message,
 * sealed as a whole: Redis holds no text in clear. Thread-safe.
 */
public final class Transcript {

    /** How long the context of a conversation that is not handed off is kept. */
    public static final Duration CONTEXT_KEEP = Duration.ofHours(2);
    // A transcript longer than this loses its oldest turns: a mediator reads the recent ones.
    private static final int MAX_ELEMENTS = 1000;

    // KEYS: transcript, context, version. ARGV: open, ttl, keep (elements), entries...
    private static final RedisScript RECORD = new RedisScript("""
            local keep = tonumber(ARGV[3])
            if ARGV[1] == '1' then
                local context = redis.call('lrange', KEYS[2], 0, -1)
                for _, element in ipairs(context) do redis.call('rpush', KEYS[1], element) end
                redis.call('del', KEYS[2])
                for i = 4, #ARGV do redis.call('rpush', KEYS[1], ARGV[i]) end
                redis.call('ltrim', KEYS[1], -keep, -1)
                redis.call('expire', KEYS[1], ARGV[2])
                redis.call('incr', KEYS[3])
            else
                for i = 4, #ARGV do redis.call('rpush', KEYS[2], ARGV[i]) end
                redis.call('ltrim', KEYS[2], -keep, -1)
                redis.call('expire', KEYS[2], ARGV[2])
            end
            return 1
            """);

    private final RedisStore store;
    private final AddressSealer sealer;
    private final Duration retention;
    private final HandoffSettings settings;

    /**
     * @param store     the Redis store
     * @param sealer    seals the texts (a sealer for texts, see {@link AddressSealer#forTexts})
     * @param retention how long an open handoff's transcript is kept after its last line
     * @param settings  how many turns of context, how long after the close
     */
    public Transcript(RedisStore store, AddressSealer sealer, Duration retention, HandoffSettings settings) {
        this.store = store;
        this.sealer = sealer;
        this.retention = retention;
        this.settings = settings;
    }

    /**
     * Keeps one turn: in her transcript while a handoff is open (the context moves into it
     * first), else in her context, of which only the last few turns stay.
     *
     * @param open    whether she waits for or talks with a mediator
     * @param entries the lines of the turn, in order
     * @throws org.passerelle.core.store.StoreUnavailableException when Redis fails
     */
    public void record(String conversationId, boolean open, List<TranscriptEntry> entries) {
        var batch = new WriteBatch();
        record(conversationId, open, entries, batch);
        batch.run(store);
    }

    /** As {@link #record(String, boolean, List)}, written with the other writes of a batch. */
    public void record(String conversationId, boolean open, List<TranscriptEntry> entries, WriteBatch batch) {
        if (entries.isEmpty() || (!open && settings.contextTurns() == 0)) {
            return;
        }
        // Nothing about her outlives the retention period, however short it is configured.
        var ttl = open ? retention : min(CONTEXT_KEEP, retention);
        var keep = open ? MAX_ELEMENTS : settings.contextTurns();
        var args = List.of(open ? "1" : "0", Long.toString(ttl.toSeconds()), Integer.toString(keep),
                sealer.seal(encode(entries)));
        batch.script(RECORD, List.of(transcriptKey(conversationId), contextKey(conversationId), versionKey()), args);
    }

    /**
     * Her transcript, oldest first: the turns before the handoff, then everything since.
     *
     * @throws org.passerelle.core.store.StoreUnavailableException when Redis fails
     */
    public List<TranscriptEntry> entries(String conversationId) {
        var elements = store.call(jedis -> jedis.lrange(transcriptKey(conversationId), 0, -1));
        var entries = new ArrayList<TranscriptEntry>();
        for (var element : elements) {
            try {
                entries.addAll(decode(sealer.open(element)));
            } catch (IllegalArgumentException unreadable) {
                // Sealed with another secret: it cannot be read, and is left to expire.
            }
        }
        return entries;
    }

    /** The handoff is over: the transcript goes after the configured period (unless she asks again). */
    public void expireAfterClose(String conversationId) {
        var key = transcriptKey(conversationId);
        store.call(jedis -> {
            jedis.expire(key, min(settings.keepAfterClose(), retention).toSeconds());
            return jedis.incr(versionKey());
        });
    }

    /** Deletes her transcript and her context now. */
    public void erase(String conversationId) {
        store.call(jedis -> jedis.del(transcriptKey(conversationId), contextKey(conversationId)));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static String encode(List<TranscriptEntry> entries) {
        var out = new StringBuilder();
        for (var entry : entries) {
            out.append(entry.author().name().charAt(0)).append('\t').append(entry.at().toEpochMilli()).append('\t')
                    .append(entry.text().replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r"))
                    .append('\n');
        }
        return out.toString();
    }

    static List<TranscriptEntry> decode(String encoded) {
        var entries = new ArrayList<TranscriptEntry>();
        for (var line : encoded.split("\n")) {
            var fields = line.split("\t", 3);
            if (fields.length == 3) {
                entries.add(new TranscriptEntry(author(fields[0]), unescape(fields[2]),
                        Instant.ofEpochMilli(Long.parseLong(fields[1]))));
            }
        }
        return entries;
    }

    private static TranscriptEntry.Author author(String letter) {
        return switch (letter) {
            case "P" -> TranscriptEntry.Author.PERSON;
            case "M" -> TranscriptEntry.Author.MEDIATOR;
            default -> TranscriptEntry.Author.BOT;
        };
    }

    private static String unescape(String text) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private String transcriptKey(String conversationId) {
        return store.key("handoff", "transcript", conversationId);
    }

    private String contextKey(String conversationId) {
        return store.key("handoff", "context", conversationId);
    }

    private String versionKey() {
        return store.key("handoff", "queue", "version");
    }
}

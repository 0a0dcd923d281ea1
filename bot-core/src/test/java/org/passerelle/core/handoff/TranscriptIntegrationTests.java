package org.passerelle.core.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.core.handoff.TranscriptEntry.Author;
import org.passerelle.core.privacy.AddressSealer;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;

/** The sealed transcript on a real Redis: context, handoff, close, erase. */
class TranscriptIntegrationTests {

    private static final byte[] SECRET = "a test secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8);
    private static final HandoffSettings SETTINGS = new HandoffSettings(Duration.ofMinutes(10), Duration.ofHours(6),
            2, TeamHours.parse("MON-FRI 10:00-18:00"), 1000);
    private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");

    private final RedisStore store = TestRedis.newStore();
    private final Transcript transcript = new Transcript(store, AddressSealer.forTexts(SECRET), Duration.ofDays(30),
            SETTINGS);

    @AfterEach
    void close() {
        store.close();
    }

    private static List<TranscriptEntry> turn(String said, String answered) {
        return List.of(new TranscriptEntry(Author.PERSON, said, AT), new TranscriptEntry(Author.BOT, answered, AT));
    }

    /** Every key and value under this test's prefix, read as text. */
    private String everythingInRedis() {
        var all = new StringBuilder();
        for (var key : store.<java.util.Set<String>>call(jedis -> jedis.keys(store.prefix() + "*"))) {
            all.append(key).append('\n');
            var type = store.<String>call(jedis -> jedis.type(key));
            if (type.equals("list")) {
                store.<List<String>>call(jedis -> jedis.lrange(key, 0, -1)).forEach(v -> all.append(v).append('\n'));
            } else if (type.equals("string")) {
                all.append(store.<String>call(jedis -> jedis.get(key))).append('\n');
            }
        }
        return all.toString();
    }

    @Test
    void keepsOnlyTheLastTurnsAsContextThenStartsTheTranscriptWithThem() {
        transcript.record("c1", false, turn("first question", "first answer"));
        transcript.record("c1", false, turn("second question", "second answer"));
        transcript.record("c1", false, turn("third question", "third answer"));
        assertThat(transcript.entries("c1")).isEmpty();

        transcript.record("c1", true, turn("I want to talk to someone", "A mediator is told"));
        transcript.record("c1", true, List.of(new TranscriptEntry(Author.MEDIATOR, "Hello,\nI am here", AT)));

        assertThat(transcript.entries("c1")).extracting(TranscriptEntry::text).containsExactly(
                "second question", "second answer", "third question", "third answer",
                "I want to talk to someone", "A mediator is told", "Hello,\nI am here");
        assertThat(transcript.entries("c1")).extracting(TranscriptEntry::author).endsWith(Author.PERSON, Author.BOT,
                Author.MEDIATOR);
        assertThat(store.<Boolean>call(jedis -> jedis.exists(store.key("handoff", "context", "c1")))).isFalse();
    }

    @Test
    void holdsNoTextInClearAnywhereInRedis() {
        transcript.record("c2", false, turn("my pimp took my passport", "Here is what you can do"));
        transcript.record("c2", true, turn("please help \\ me\ttonight", "A mediator is told"));

        var redis = everythingInRedis();
        assertThat(redis).doesNotContain("passport", "pimp", "help", "tonight", "mediator");
        assertThat(transcript.entries("c2")).extracting(TranscriptEntry::text)
                .contains("please help \\ me\ttonight");
    }

    @Test
    void goesAfterTheClosePeriodAndTheContextGoesSoonerStill() {
        transcript.record("c3", false, turn("before", "bot"));
        var contextTtl = store.<Long>call(jedis -> jedis.ttl(store.key("handoff", "context", "c3")));
        assertThat(contextTtl).isPositive().isLessThanOrEqualTo(Transcript.CONTEXT_KEEP.toSeconds());

        transcript.record("c3", true, turn("help", "told"));
        var key = store.key("handoff", "transcript", "c3");
        assertThat(store.<Long>call(jedis -> jedis.ttl(key))).isGreaterThan(Duration.ofDays(29).toSeconds());

        transcript.expireAfterClose("c3");
        assertThat(store.<Long>call(jedis -> jedis.ttl(key))).isPositive()
                .isLessThanOrEqualTo(SETTINGS.keepAfterClose().toSeconds());
        // Redis deletes it when the period is over; a period of one second shows it.
        var brief = new Transcript(store, AddressSealer.forTexts(SECRET), Duration.ofDays(30),
                new HandoffSettings(Duration.ZERO, Duration.ofSeconds(1), 2, SETTINGS.defaultHours(), 1000));
        brief.expireAfterClose("c3");
        long deadline = System.currentTimeMillis() + 5000;
        while (store.<Boolean>call(jedis -> jedis.exists(key)) && System.currentTimeMillis() < deadline) {
            sleep(100);
        }
        assertThat(transcript.entries("c3")).isEmpty();
    }

    @Test
    void eraseDeletesTranscriptAndContextAtOnce() {
        transcript.record("c4", true, turn("help", "told"));
        transcript.record("c4", false, turn("later", "bot"));
        transcript.erase("c4");
        assertThat(transcript.entries("c4")).isEmpty();
        assertThat(store.<java.util.Set<String>>call(jedis -> jedis.keys(store.prefix() + "handoff:*:c4"))).isEmpty();
    }

    @Test
    void readsWhatItSealedWithAnotherSecretAsNothing() {
        transcript.record("c5", true, turn("help", "told"));
        var other = new Transcript(store, AddressSealer.forTexts(("another secret of at least thirty-two bytes")
                .getBytes(StandardCharsets.UTF_8)), Duration.ofDays(30), SETTINGS);
        assertThat(other.entries("c5")).isEmpty();
        // The address key is not the transcript key.
        var addresses = new Transcript(store, new AddressSealer(SECRET), Duration.ofDays(30), SETTINGS);
        assertThat(addresses.entries("c5")).isEmpty();
        assertThat(new ArrayList<>(transcript.entries("c5"))).hasSize(2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.passerelle.core.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.ContentInvalidException;
import org.passerelle.content.Language;
import org.passerelle.content.ReviewStatus;
import org.passerelle.content.TopicText;
import org.passerelle.content.load.ContentLoader;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.conversation.TestEngines;
import org.passerelle.core.conversation.EngineSettings;
import org.passerelle.core.conversation.RecordingChannel;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;

/** Seed, drafts, publish, rollback and the engine's view of them, on a real Redis. */
class ContentEditorIntegrationTests {

    private static final Map<String, String> SHIPPED = ContentLoader.shippedFiles();
    private static final Clock CLOCK = Clock.systemUTC();

    private final RedisStore store = TestRedis.newStore();
    private final ContentEditor editor = new ContentEditor(store, catalog -> { }, CLOCK);

    @AfterEach
    void close() {
        store.close();
    }

    private TopicText published(String topicId, Language language) {
        return editor.catalog(editor.currentVersion()).topic(topicId).orElseThrow().in(language).orElseThrow();
    }

    private static TopicText retitled(TopicText text, String title) {
        return new TopicText(text.status(), title, text.text(), text.sms(), text.phrases());
    }

    @Test
    void seedsVersionOneFromTheShippedFilesOnce() {
        assertThat(editor.currentVersion()).isZero();
        assertThat(editor.seedIfEmpty(SHIPPED)).isEqualTo(1);
        assertThat(editor.seedIfEmpty(SHIPPED)).isEqualTo(1);
        assertThat(editor.history()).singleElement().satisfies(v -> {
            assertThat(v.number()).isEqualTo(1);
            assertThat(v.kind()).isEqualTo("seed");
        });
        assertThat(editor.catalog(1).topics()).hasSameSizeAs(ContentLoader.fromClasspath().topics());
    }

    @Test
    void seedsFromFilesReadByTheCallerWithoutReadingThemAgain() {
        var checked = new ArrayList<ContentCatalog>();
        var checking = new ContentEditor(store, checked::add, CLOCK);
        var shipped = ContentLoader.fromFiles(SHIPPED);

        var seed = checking.seedIfEmpty(SHIPPED, shipped);

        assertThat(seed).isEqualTo(new ContentEditor.Seed(1, true));
        assertThat(checked).singleElement().isSameAs(shipped);
        assertThat(checking.seedIfEmpty(SHIPPED, shipped)).isEqualTo(new ContentEditor.Seed(1, false));
        assertThat(checked).hasSize(1);
    }

    @Test
    void servesTheVersionItWasGivenAsReadUntilAnotherIsPublished() {
        var shipped = ContentLoader.fromFiles(SHIPPED);
        var seed = editor.seedIfEmpty(SHIPPED, shipped);
        var content = new PublishedContent(store, shipped, seed.version());

        assertThat(content.get()).isSameAs(shipped);
        assertThat(content.version()).isEqualTo(1);

        var old = published("legal_status", Language.EN);
        editor.saveDraft("legal_status", Language.EN, retitled(old, "Is it against the law?"), "admin");
        editor.publish(1, "admin", "plainer title");
        assertThat(content.get()).isNotSameAs(shipped);
        assertThat(content.version()).isEqualTo(2);
        assertThat(content.get().topic("legal_status").orElseThrow().in(Language.EN).orElseThrow().title())
                .isEqualTo("Is it against the law?");
    }

    @Test
    void publishesDraftsAsTheNextVersionAndClearsThem() {
        editor.seedIfEmpty(SHIPPED);
        var en = published("complaint", Language.EN);
        editor.saveDraft("complaint", Language.EN, retitled(en, "Reporting the people who exploit you"), "admin");
        assertThat(editor.drafts()).singleElement().satisfies(d -> assertThat(d.author()).isEqualTo("admin"));
        // A draft is not in force before it is published.
        assertThat(published("complaint", Language.EN).title()).isEqualTo(en.title());

        var version = editor.publish(1, "admin", "clearer title");
        assertThat(version.number()).isEqualTo(2);
        assertThat(version.note()).isEqualTo("clearer title");
        assertThat(published("complaint", Language.EN).title()).isEqualTo("Reporting the people who exploit you");
        assertThat(editor.drafts()).isEmpty();
        // Everything else is unchanged.
        assertThat(editor.catalog(2).topic("legal_status")).isEqualTo(editor.catalog(1).topic("legal_status"));
    }

    @Test
    void marksTheOtherLanguagesStaleWhenTheFrenchTextChanges() {
        editor.seedIfEmpty(SHIPPED);
        var fr = published("shelter", Language.FR);
        var changed = new TopicText(fr.status(), fr.title(), fr.text() + "\nUne phrase de plus.", fr.sms(), fr.phrases());
        editor.saveDraft("shelter", Language.FR, changed, "admin");
        editor.publish(1, "admin", "new paragraph");
        assertThat(published("shelter", Language.EN).status()).isEqualTo(ReviewStatus.STALE);
        assertThat(published("shelter", Language.FR).text()).endsWith("Une phrase de plus.");

        // A title change alone does not make translations stale.
        editor.saveDraft("lawyer", Language.FR, retitled(published("lawyer", Language.FR), "Avocats gratuits"), "admin");
        editor.publish(2, "admin", "title");
        assertThat(published("lawyer", Language.EN).status()).isEqualTo(ReviewStatus.NEEDS_REVIEW);
    }

    @Test
    void keepsATranslationEditedInTheSamePublishAsItIs() {
        editor.seedIfEmpty(SHIPPED);
        var fr = published("shelter", Language.FR);
        var en = published("shelter", Language.EN);
        editor.saveDraft("shelter", Language.FR,
                new TopicText(fr.status(), fr.title(), fr.text() + "\nAjout.", fr.sms(), fr.phrases()), "admin");
        editor.saveDraft("shelter", Language.EN,
                new TopicText(ReviewStatus.REVIEWED, en.title(), en.text() + "\nAdded.", en.sms(), en.phrases()), "admin");
        editor.publish(1, "admin", "both");
        assertThat(published("shelter", Language.EN).status()).isEqualTo(ReviewStatus.REVIEWED);
    }

    @Test
    void refusesAPublishThatDoesNotPassAndKeepsTheDrafts() {
        var strict = new ContentEditor(store, catalog -> {
            if (catalog.topic("complaint").orElseThrow().in(Language.EN).orElseThrow().sms().length() > 10) {
                throw new ContentInvalidException(List.of("complaint [en] sms: too long"));
            }
        }, CLOCK);
        editor.seedIfEmpty(SHIPPED);
        var en = published("complaint", Language.EN);
        strict.saveDraft("complaint", Language.EN, retitled(en, "New"), "admin");
        assertThatThrownBy(() -> strict.publish(1, "admin", "x"))
                .isInstanceOf(ContentInvalidException.class)
                .hasMessageContaining("complaint [en] sms");
        assertThat(strict.currentVersion()).isEqualTo(1);
        assertThat(strict.drafts()).hasSize(1);

        strict.saveDraft("complaint", Language.EN,
                new TopicText(en.status(), en.title(), en.text(), "", en.phrases()), "admin");
        assertThatThrownBy(() -> editor.publish(1, "admin", "empty sms"))
                .isInstanceOf(ContentInvalidException.class)
                .hasMessageContaining("topics/complaint.yaml");
        assertThat(editor.currentVersion()).isEqualTo(1);
    }

    @Test
    void refusesToPublishNothingOrAnUnknownTopic() {
        editor.seedIfEmpty(SHIPPED);
        assertThatThrownBy(() -> editor.publish(1, "admin", "nothing"))
                .isInstanceOf(ContentInvalidException.class).hasMessageContaining("no draft");
        assertThatThrownBy(() -> editor.saveDraft("no_such_topic", Language.EN, published("complaint", Language.EN), "a"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void letsOneOfTwoConcurrentPublishesWinCleanly() throws Exception {
        editor.seedIfEmpty(SHIPPED);
        var en = published("complaint", Language.EN);
        editor.saveDraft("complaint", Language.EN, retitled(en, "Race"), "admin");
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(4);
        var outcomes = new ArrayList<java.util.concurrent.Future<ContentVersion>>();
        try {
            for (int i = 0; i < 4; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return editor.publish(1, "admin", "race");
                }));
            }
            start.countDown();
            int won = 0;
            int lost = 0;
            for (var outcome : outcomes) {
                try {
                    outcome.get(10, TimeUnit.SECONDS);
                    won++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOfAny(ContentConflictException.class, ContentInvalidException.class);
                    lost++;
                }
            }
            assertThat(won).isEqualTo(1);
            assertThat(lost).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
        assertThat(editor.currentVersion()).isEqualTo(2);
        assertThat(editor.history()).extracting(ContentVersion::number).containsExactly(2, 1);
        assertThat(published("complaint", Language.EN).title()).isEqualTo("Race");
    }

    @Test
    void rollsBackByPublishingAnEarlierVersionAgain() {
        editor.seedIfEmpty(SHIPPED);
        var en = published("complaint", Language.EN);
        editor.saveDraft("complaint", Language.EN, retitled(en, "Changed"), "admin");
        editor.publish(1, "admin", "change");
        assertThatThrownBy(() -> editor.rollback(1, 1, "admin", "stale base"))
                .isInstanceOf(ContentConflictException.class);

        var restored = editor.rollback(2, 1, "admin", "undo");
        assertThat(restored.number()).isEqualTo(3);
        assertThat(restored.kind()).isEqualTo("rollback");
        assertThat(restored.basedOn()).isEqualTo(1);
        assertThat(published("complaint", Language.EN).title()).isEqualTo(en.title());
    }

    @Test
    void keepsADraftSavedAgainWhilePublishing() {
        editor.seedIfEmpty(SHIPPED);
        var versions = new ContentVersions(store);
        var drafts = new Drafts(store, versions, CLOCK);
        var en = published("complaint", Language.EN);
        drafts.save("complaint", Language.EN, retitled(en, "First"), "a");
        var taken = drafts.all().get(0);
        drafts.save("complaint", Language.EN, retitled(en, "Second"), "b");
        versions.create(1, versions.files(1), new ContentVersion(0, "publish", CLOCK.instant(), "a", "", 1),
                List.of(drafts.consumed(taken)));
        assertThat(editor.drafts()).singleElement()
                .satisfies(d -> assertThat(d.text().title()).isEqualTo("Second"));
    }

    @Test
    void letsTheEngineSeeANewVersionOnTheNextTurn() {
        editor.seedIfEmpty(SHIPPED);
        ContentCatalog shipped = ContentLoader.fromClasspath();
        var content = new PublishedContent(store, shipped);
        var engine = TestEngines.engine(content, store, EngineSettings.defaults(), CLOCK);
        var she = new RecordingChannel(engine, Channel.WEBCHAT, CLOCK);
        she.say("hello");
        she.say("lang:en");
        she.say("topics");
        assertThat(content.version()).isEqualTo(1);
        var old = published("legal_status", Language.EN);
        assertThat(she.options()).anyMatch(o -> o.label().equals(old.title()));

        editor.saveDraft("legal_status", Language.EN, retitled(old, "Is it against the law?"), "admin");
        editor.publish(1, "admin", "plainer title");
        she.say("topics");
        assertThat(content.version()).isEqualTo(2);
        assertThat(she.options()).anyMatch(o -> o.label().equals("Is it against the law?"));
    }

    @Test
    void servesTheLastVersionItReadWhileRedisIsAway() {
        editor.seedIfEmpty(SHIPPED);
        var fallback = ContentLoader.fromClasspath();
        var content = new PublishedContent(store, fallback);
        var seeded = content.get();
        assertThat(content.version()).isEqualTo(1);
        try (var unreachable = new RedisStore(new redis.clients.jedis.JedisPooled("127.0.0.1", TestRedis.freePort()), "x:")) {
            var cut = new PublishedContent(unreachable, fallback);
            assertThat(cut.get()).isSameAs(fallback);
        }
        assertThat(content.get()).isSameAs(seeded);
    }
}

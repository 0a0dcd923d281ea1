package org.passerelle.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.handoff.HandoffQueue;
import org.passerelle.core.handoff.HandoffRequest;
import org.passerelle.core.handoff.Priority;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;

/** Conversations where Passerelle has to understand free text: danger, minors, languages, intents. */
class UnderstandingConversationTests {

    private static final ContentCatalog CONTENT = TestEngines.CONTENT;
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
    private static RedisStore store;
    private static ConversationEngine engine;
    private static HandoffQueue queue;

    @BeforeAll
    static void start() {
        store = TestRedis.newStore();
        engine = TestEngines.engine(store, CLOCK);
        queue = new HandoffQueue(store, Duration.ofDays(1), CLOCK);
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    private static RecordingChannel person() {
        return new RecordingChannel(engine, Channel.WEBCHAT, CLOCK);
    }

    private static String ui(Language language, String key) {
        return CONTENT.ui(language, key);
    }

    private static String text(String topic, Language language) {
        return CONTENT.resolve(CONTENT.topic(topic).orElseThrow().in(language).orElseThrow().text(), language).strip();
    }

    private static HandoffRequest request(RecordingChannel she) {
        var id = she.lastTurn().conversationId();
        return queue.waiting().stream().filter(r -> r.conversationId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void goesStraightToHerLanguageWhenHerFirstWordsShowIt() {
        var she = person();
        var replies = she.say("bonjour");
        assertThat(she.lastTurn().language()).isEqualTo(Language.FR);
        assertThat(replies.get(0).text()).contains(ui(Language.FR, "welcome"));
        assertThat(she.lastText()).isEqualTo(ui(Language.FR, "menu.title"));
    }

    @Test
    void answersTheQuestionOfAFirstMessage() {
        var she = person();
        var replies = she.say("Hello, I need a free lawyer please");
        assertThat(she.lastTurn().language()).isEqualTo(Language.EN);
        assertThat(replies.get(0).text()).contains(ui(Language.EN, "welcome"));
        assertThat(she.lastText()).startsWith(text("lawyer", Language.EN));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            fr | au secours il me frappe
            en | help me he is beating me
            es | ayuda me esta pegando
            pt | socorro ele me bate
            ro | ajutor ma bate
            bg | помощ бие ме
            ar | ساعدوني يضربني
            zh | 救命 他打我
            """)
    void answersDangerFirstAndPutsHerAtTheHeadOfTheQueue(String code, String message) {
        var she = person();
        var replies = she.say(message);
        assertThat(replies.get(0).text()).contains("17", "112", "114");
        assertThat(she.lastText()).isIn(CONTENT.languages().stream().map(l -> ui(l, "handoff.urgent")).toList());
        assertThat(request(she).priority()).isEqualTo(Priority.DANGER);
    }

    @Test
    void answersAMinorWithChildProtectionAndAnUrgentHandoff() {
        var she = person();
        she.say("bonjour");
        var replies = she.say("j'ai 16 ans");
        assertThat(replies.get(0).text()).isEqualTo(text("minors", Language.FR)).contains("119");
        assertThat(she.lastText()).isEqualTo(ui(Language.FR, "handoff.urgent"));
        assertThat(request(she).priority()).isEqualTo(Priority.MINOR);
    }

    @Test
    void movesAWaitingPersonUpWhenDangerComes() {
        var she = person();
        she.say("bonjour");
        she.say("human");
        assertThat(request(she).priority()).isEqualTo(Priority.NORMAL);
        var since = request(she).requestedAt();
        she.say("il m'a enfermée, j'ai peur");
        assertThat(request(she).priority()).isEqualTo(Priority.DANGER);
        assertThat(request(she).requestedAt()).isEqualTo(since);
    }

    @Test
    void staysSilentWhileAMediatorHoldsTheConversationButNotOnDanger() {
        var she = person();
        she.say("bonjour");
        she.say("human");
        // A mediator holds her, as the desk leaves it: claimed in the queue, her state in step.
        var id = she.lastTurn().conversationId();
        queue.claim(id, "ana");
        store.call(jedis -> jedis.hset(store.key("conv", id), "handoff", "WITH_MEDIATOR"));
        assertThat(she.say("merci, je vous attends")).isEmpty();
        assertThat(she.say("au secours il revient")).isNotEmpty();
        assertThat(she.lastText()).isEqualTo(ui(Language.FR, "handoff.urgent"));
    }

    @Test
    void readsFreeTextInHerLanguage() {
        var she = person();
        she.say("bonjour");
        she.say("comment porter plainte contre mon proxénète");
        assertThat(she.lastText()).startsWith(text("complaint", Language.FR));
        she.say("merci beaucoup");
        assertThat(she.lastText()).startsWith(text("thanks", Language.FR));
    }

    @Test
    void offersOnceToSwitchToTheLanguageSheWritesIn() {
        var she = person();
        she.say("bonjour");
        var replies = she.say("where can I find a free lawyer please");
        assertThat(replies.get(0).text()).startsWith(text("lawyer", Language.FR));
        assertThat(she.lastText()).isEqualTo(ui(Language.EN, "language.switch"));
        assertThat(she.optionKeys()).containsExactly("lang:en", "lang:keep");

        she.say("2");
        assertThat(she.lastTurn().language()).isEqualTo(Language.FR);
        she.say("I need somewhere to sleep tonight please");
        assertThat(she.lastText()).doesNotContain(ui(Language.EN, "language.switch"));
    }

    @Test
    void switchesWhenSheAccepts() {
        var she = person();
        she.say("bonjour");
        she.say("where can I find a free lawyer please");
        she.say("1");
        assertThat(she.lastTurn().language()).isEqualTo(Language.EN);
        assertThat(she.lastText()).contains(ui(Language.EN, "menu.title"));
    }

    @Test
    void restartsPolitelyAfterALongSilence() {
        var she = person();
        she.say("bonjour");
        she.say("topic:complaint");
        CLOCK.advance(Duration.ofHours(13));
        var replies = she.say("2");
        assertThat(replies.get(0).text()).isEqualTo(ui(Language.FR, "welcome.back"));
        assertThat(she.lastText()).isEqualTo(ui(Language.FR, "menu.title"));
    }

    @Test
    void stopsWritingWhenAskedToStop() {
        var she = person();
        she.say("hello");
        she.say("STOP");
        assertThat(she.lastText()).isEqualTo(ui(Language.EN, "stop.done"));
        var key = store.key("conv", she.lastTurn().conversationId());
        assertThat(store.<Boolean>call(jedis -> jedis.hexists(key, "stopped"))).isTrue();
        she.say("hello again");
        assertThat(store.<Boolean>call(jedis -> jedis.hexists(key, "stopped"))).isFalse();
    }
}

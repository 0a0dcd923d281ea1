package org.passerelle.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.content.Language;
import org.passerelle.content.sms.SmsSegments;
import org.passerelle.core.barriers.Barrier;
import org.passerelle.core.barriers.BarrierSettings;
import org.passerelle.core.barriers.BarrierTopic;
import org.passerelle.core.barriers.Barriers;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.Option;
import org.passerelle.core.handoff.Mediator;
import org.passerelle.core.outbox.Outbox;
import org.passerelle.core.outbox.OutboxSettings;
import org.passerelle.core.stats.Stats;
import org.passerelle.core.stats.StatsSettings;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;

/**
 * The barrier questions in the conversation: asked a day after she read the topic, once, in
 * place of the main menu; "prefer not to say" and unrelated messages are fine; never after danger
 * or a minor, never while she waits for or talks with a mediator; her answer only a monthly count.
 */
class BarrierConversationTests {

    private static final String PHONE = "+33611223344";
    private static final Mediator ANA = new Mediator("ana", "Ana", Set.of(Language.FR), Set.of());
    private static final Duration DAY = Duration.ofHours(25);
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    // Friday 27 November 2026, 11:00 in Paris: within the team's hours.
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final RedisStore store = TestRedis.newStore();
    private final Barriers barriers = new Barriers(store, clock, BarrierSettings.defaults());
    private final ConversationEngine engine = TestEngines.engine(store, clock,
            TestEngines.handoffSetup(store, HandoffFixture.SETTINGS), new Stats(store, clock, StatsSettings.defaults()),
            barriers);
    private final MediatorDesk desk = new MediatorDesk(engine, new Outbox(store, TestEngines.OUTBOX_SEALERS,
            new OutboxSettings(50, Duration.ofMillis(30), 3, Duration.ofMillis(20), Duration.ofMillis(100), Map.of(),
                    Map.of()), clock, engine::markStopped), clock);

    @AfterEach
    void close() {
        store.close();
    }

    private RecordingChannel speaking(Language language, Channel channel) {
        var she = new RecordingChannel(engine, channel, channel == Channel.SMS ? PHONE : "tg-" + System.nanoTime(),
                clock);
        she.say("start");
        she.say("lang:" + language.code());
        return she;
    }

    private static String ui(Language language, String key) {
        return TestEngines.CONTENT.ui(language, key);
    }

    private static boolean asked(RecordingChannel she, BarrierTopic topic) {
        return she.optionKeys().stream().anyMatch(key -> key.startsWith("barrier:" + topic.id() + ":"));
    }

    private long counted(YearMonth month, Barrier barrier) {
        return barriers.raw(month, month).get(month).get(barrier);
    }

    @Test
    void asksADayAfterSheReadTheTopicInPlaceOfTheMainMenuAndCountsHerAnswer() {
        var she = speaking(Language.FR, Channel.WEBCHAT);
        she.say("topic:complaint");
        she.say("menu");
        assertThat(asked(she, BarrierTopic.COMPLAINT)).as("not in the same visit").isFalse();

        clock.advance(Duration.ofHours(20));
        she.say("bonjour");
        assertThat(asked(she, BarrierTopic.COMPLAINT)).as("not before a day").isFalse();

        clock.advance(Duration.ofHours(5));
        she.say("menu");
        assertThat(she.lastText()).isEqualTo(ui(Language.FR, "barrier.complaint.question"));
        assertThat(she.options()).extracting(Option::label).containsExactly("Plainte refusée", "Pas d'interprète",
                "Pas de récépissé", "On m'a dit de revenir", "Pré-plainte en ligne imposée", "Traitée en coupable",
                "Cela s'est bien passé", "Je préfère ne pas répondre");

        she.say("2");
        assertThat(she.lastText()).startsWith(ui(Language.FR, "barrier.thanks"))
                .endsWith(ui(Language.FR, "menu.title"));
        assertThat(she.optionKeys()).containsExactly("topics", "book", "human", "emergency", "lang");
        assertThat(counted(NOVEMBER, Barrier.COMPLAINT_NO_INTERPRETER)).isEqualTo(1);
        assertThat(barriers.raw(NOVEMBER, NOVEMBER).get(NOVEMBER).values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(1);
    }

    @Test
    void asksOnlyOnceAndCountsAnOldButtonNeverTwice() {
        var she = speaking(Language.EN, Channel.TELEGRAM);
        she.say("topic:lawyer");
        clock.advance(DAY);
        she.say("hello");
        assertThat(asked(she, BarrierTopic.LAWYER)).isTrue();
        assertThat(she.lastReplies().get(0).text()).isEqualTo(ui(Language.EN, "welcome.back"));

        she.say("barrier:lawyer:legal_aid_refused");
        she.say("barrier:lawyer:legal_aid_refused");
        assertThat(she.optionKeys()).containsExactly("topics", "book", "human", "emergency", "lang");
        she.say("topic:lawyer");
        clock.advance(DAY.multipliedBy(3));
        she.say("menu");

        assertThat(asked(she, BarrierTopic.LAWYER)).isFalse();
        assertThat(counted(NOVEMBER, Barrier.LAWYER_AID_REFUSED)).isEqualTo(1);
    }

    @Test
    void preferringNotToSayIsCountedAsSuchAndNeverAskedAgain() {
        var she = speaking(Language.FR, Channel.SMS);
        she.say("topic:residence_permit");
        clock.advance(DAY);
        she.say("menu");
        assertThat(asked(she, BarrierTopic.RESIDENCE_PERMIT)).isTrue();

        she.say("Je préfère ne pas répondre");

        assertThat(she.lastText()).startsWith(ui(Language.FR, "barrier.declined"));
        assertThat(counted(NOVEMBER, Barrier.PERMIT_SKIPPED)).isEqualTo(1);
        clock.advance(DAY);
        she.say("menu");
        assertThat(asked(she, BarrierTopic.RESIDENCE_PERMIT)).isFalse();
    }

    @Test
    void anUnrelatedMessageIsAnsweredAsUsualAndTheQuestionIsNotAskedAgain() {
        var she = speaking(Language.FR, Channel.WEBCHAT);
        she.say("topic:lawyer");
        clock.advance(DAY);
        she.say("menu");
        assertThat(asked(she, BarrierTopic.LAWYER)).isTrue();

        // A word of a label ("avocat") is not an answer: it is her next question.
        she.say("avocat");
        assertThat(asked(she, BarrierTopic.LAWYER)).isFalse();
        assertThat(she.lastText()).isNotIn(ui(Language.FR, "unknown.closest"), ui(Language.FR, "unknown.mediator"))
                .doesNotStartWith(ui(Language.FR, "unknown"));
        assertThat(she.optionKeys()).doesNotContain("barrier:lawyer:no_free_lawyer");
        she.say("je cherche un hébergement pour ce soir");
        assertThat(she.lastText()).isNotEqualTo(ui(Language.FR, "unknown"));
        clock.advance(DAY);
        she.say("menu");

        assertThat(asked(she, BarrierTopic.LAWYER)).isFalse();
        assertThat(barriers.raw(NOVEMBER, NOVEMBER).get(NOVEMBER).values()).containsOnly(0L);
    }

    @Test
    void oneQuestionAVisitThenTheNextTopicOnALaterVisit() {
        var she = speaking(Language.EN, Channel.WEBCHAT);
        she.say("topic:complaint");
        she.say("topic:lawyer");
        clock.advance(DAY);
        she.say("menu");
        assertThat(asked(she, BarrierTopic.COMPLAINT)).isTrue();
        she.say("7");
        she.say("menu");
        assertThat(asked(she, BarrierTopic.LAWYER)).as("not twice in a visit").isFalse();

        clock.advance(DAY);
        she.say("menu");
        assertThat(asked(she, BarrierTopic.LAWYER)).isTrue();
        assertThat(counted(NOVEMBER, Barrier.COMPLAINT_WENT_FINE)).isEqualTo(1);
    }

    @Test
    void neverAfterDangerInTheConversationEvenOnceTheMediatorGivesHerBack() {
        var she = speaking(Language.FR, Channel.SMS);
        she.say("topic:complaint");
        she.say("au secours il me frappe");
        var id = she.lastTurn().conversationId();
        desk.claim(id, ANA);
        desk.release(id, ANA.id());

        clock.advance(DAY);
        she.say("menu");
        clock.advance(DAY);
        she.say("topic:lawyer");
        clock.advance(DAY);
        she.say("menu");

        assertThat(she.transcript()).flatExtracting(reply -> reply.options()).extracting(Option::key)
                .noneMatch(key -> key.startsWith("barrier:"));
    }

    @Test
    void neverAfterAMinorWasDetected() {
        var she = speaking(Language.FR, Channel.WEBCHAT);
        she.say("topic:complaint");
        she.say("j'ai 16 ans");
        var id = she.lastTurn().conversationId();
        desk.claim(id, ANA);
        desk.release(id, ANA.id());
        clock.advance(DAY);
        she.say("menu");

        assertThat(asked(she, BarrierTopic.COMPLAINT)).isFalse();
        assertThat(she.optionKeys()).containsExactly("topics", "book", "human", "emergency", "lang");
    }

    @Test
    void neverWhileSheWaitsForOrTalksWithAMediatorButOnceTheBotHasHerBack() {
        var she = speaking(Language.FR, Channel.WEBCHAT);
        she.say("topic:complaint");
        she.say("human");
        clock.advance(DAY);
        she.say("menu");
        assertThat(asked(she, BarrierTopic.COMPLAINT)).as("waiting").isFalse();

        var id = she.lastTurn().conversationId();
        desk.claim(id, ANA);
        she.say("menu");
        assertThat(she.lastReplies()).as("held: the bot is silent").isEmpty();

        desk.release(id, ANA.id());
        she.say("menu");
        assertThat(asked(she, BarrierTopic.COMPLAINT)).isTrue();
    }

    @Test
    void countsByTypeAndParisMonthAndRedisHoldsNothingThatLinksAnAnswerToHer() {
        var she = speaking(Language.FR, Channel.SMS);
        she.say("topic:complaint");
        var other = speaking(Language.EN, Channel.TELEGRAM);
        other.say("topic:complaint");
        clock.advance(DAY);
        she.say("menu");
        she.say("6");
        // Monday 30 November, 23:30 UTC: already 1 December in Paris.
        clock.advance(Duration.ofDays(2).plusHours(12).plusMinutes(30));
        other.say("menu");
        other.say("Treated as an offender");

        assertThat(counted(NOVEMBER, Barrier.COMPLAINT_TREATED_AS_OFFENDER)).isEqualTo(1);
        assertThat(counted(NOVEMBER.plusMonths(1), Barrier.COMPLAINT_TREATED_AS_OFFENDER)).isEqualTo(1);

        var ids = Set.of(she.lastTurn().conversationId(), other.lastTurn().conversationId());
        var keys = store.<Set<String>>call(jedis -> jedis.keys(store.key("barriers", "*")));
        assertThat(keys).containsExactlyInAnyOrder(store.key("barriers", "month", "2026-11"),
                store.key("barriers", "month", "2026-12"));
        for (var key : keys) {
            var hash = store.<Map<String, String>>call(jedis -> jedis.hgetAll(key));
            assertThat(hash).containsOnlyKeys("complaint|treated_as_offender");
            assertThat(key + hash).doesNotContain(PHONE, "33611223344").doesNotContain(ids);
            assertThat(store.<Long>call(jedis -> jedis.ttl(key))).isPositive();
        }
        // Her answer's type is nowhere but in the monthly counters: not in her state, nor anywhere else.
        for (var key : store.<Set<String>>call(jedis -> jedis.keys(store.prefix() + "*"))) {
            if (keys.contains(key)) {
                continue;
            }
            assertThat(key + dump(key)).as(key).doesNotContain("treated_as_offender", "offender", "coupable");
        }
    }

    @Test
    void theQuestionWithItsNumberedAnswersFitsInTwoGsmSegmentsInFrenchAndEnglish() {
        for (var language : new Language[] {Language.FR, Language.EN}) {
            for (var topic : BarrierTopic.values()) {
                var labels = topic.barriers().stream().map(b -> ui(language, b.labelKey())).toList();
                var sms = ui(language, topic.questionKey()) + "\n\n" + String.join("\n",
                        IntStream.range(0, labels.size()).mapToObj(i -> (i + 1) + " " + labels.get(i)).toList());
                var count = SmsSegments.count(sms);
                assertThat(SmsSegments.isGsm7(sms)).as(language + " " + topic).isTrue();
                assertThat(count.segments()).as(language + " " + topic + ": " + sms).isLessThanOrEqualTo(2);
            }
        }
    }

    private String dump(String key) {
        String type = store.call(jedis -> jedis.type(key));
        return switch (type) {
            case "string" -> store.call(jedis -> jedis.get(key));
            case "hash" -> String.valueOf(store.<Object>call(jedis -> jedis.hgetAll(key)));
            case "list" -> String.valueOf(store.<Object>call(jedis -> jedis.lrange(key, 0, -1)));
            case "zset" -> String.valueOf(store.<Object>call(jedis -> jedis.zrange(key, 0, -1)));
            case "set" -> String.valueOf(store.<Object>call(jedis -> jedis.smembers(key)));
            case "stream" -> store.call(jedis -> jedis.xrange(key, "-", "+", 1000)).stream()
                    .map(entry -> entry.getFields().toString()).toList().toString();
            default -> "";
        };
    }
}

package org.passerelle.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.content.Language;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.handoff.HandoffState;
import org.passerelle.core.handoff.InboxItem;
import org.passerelle.core.handoff.Mediator;
import org.passerelle.core.handoff.Priority;
import org.passerelle.core.handoff.TranscriptEntry;
import org.passerelle.core.handoff.UnknownHandoffException;

/** The person's side of a handoff, turn by turn: waiting, held, danger, the team away, erase. */
class HandoffConversationTests {

    private static final Mediator ANA = new Mediator("ana", "Ana", Set.of(), Set.of());
    private static final String PHONE = "+33698765432";

    private HandoffFixture fixture = new HandoffFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private String ui(Language language, String key) {
        return fixture.ui(language, key);
    }

    @Test
    void whileWaitingTheBotKeepsAnsweringQuestionsAndSaysSheIsInTheQueue() {
        var she = fixture.person(Channel.TELEGRAM, "1001");
        she.say("hello");
        she.say("human");
        assertThat(she.lastText()).contains(ui(Language.EN, "handoff.requested"));
        she.say("topic:lawyer");
        assertThat(she.lastText()).isNotBlank().doesNotContain(ui(Language.EN, "handoff.requested"));
        she.say("human");
        assertThat(she.lastText()).contains(ui(Language.EN, "handoff.waiting"));
        assertThat(fixture.desk.transcript(she.lastTurn().conversationId()))
                .filteredOn(e -> e.author() == TranscriptEntry.Author.PERSON)
                .extracting(TranscriptEntry::text).endsWith("human", "topic:lawyer", "human");
    }

    @Test
    void dangerWhileHeldGetsTheEmergencyReplyAtOnceAndRaisesThePriorityInTheInbox() {
        var she = fixture.person(Channel.SMS, PHONE);
        var id = heldByAna(she);
        assertThat(she.say("ok")).isEmpty();
        var before = fixture.desk.version();

        var replies = she.say("au secours il me frappe");

        assertThat(replies.get(0).text()).contains("17", "112", "114");
        assertThat(fixture.desk.held("ana")).singleElement().satisfies(item -> {
            assertThat(item.priority()).isEqualTo(Priority.DANGER);
            assertThat(item.state()).isEqualTo(HandoffState.WITH_MEDIATOR);
        });
        assertThat(fixture.desk.version()).isGreaterThan(before);
        assertThat(fixture.desk.waiting(ANA)).isEmpty();
        assertThat(she.say("il est parti")).isEmpty();
    }

    @Test
    void outsideTheTeamsHoursSheIsToldWhenSomeoneAnswersAndOfferedTheNumbersAndAnAppointment() {
        fixture.close();
        // Saturday 28 November 2026, 21:00 in Paris.
        fixture = new HandoffFixture(Instant.parse("2026-11-28T20:00:00Z"));
        var she = fixture.person(Channel.SMS, PHONE);
        she.say("bonjour");
        she.say("human");

        assertThat(she.lastText()).startsWith(ui(Language.FR, "handoff.after_hours").replace("{when}", "lundi 10:00"))
                .contains(ui(Language.FR, "emergency.short"));
        assertThat(she.optionKeys()).containsExactly("book", "emergency", "menu");
        assertThat(fixture.desk.find(she.lastTurn().conversationId())).map(InboxItem::state)
                .contains(HandoffState.WAITING);
        she.say("2");
        assertThat(she.lastText()).contains("17", "112", "114");

        var english = fixture.person(Channel.TELEGRAM, "2002");
        english.say("hello");
        english.say("human");
        assertThat(english.lastText()).contains("Monday 10:00");
    }

    @Test
    void dangerOrAMinorOutsideTheTeamsHoursIsToldWhenTheMessageIsReadNotThatSomeoneAnswersNow() {
        fixture.close();
        // Saturday 28 November 2026, 23:30 in Paris.
        fixture = new HandoffFixture(Instant.parse("2026-11-28T22:30:00Z"));
        var she = fixture.person(Channel.SMS, PHONE);
        she.say("bonjour");

        var replies = she.say("au secours il me frappe");

        assertThat(replies.get(0).text()).contains("17", "112", "114");
        assertThat(replies).extracting(r -> r.text()).doesNotContain(ui(Language.FR, "handoff.urgent"))
                .contains(ui(Language.FR, "handoff.urgent_after_hours").replace("{when}", "lundi 10:00"));
        assertThat(fixture.desk.find(she.lastTurn().conversationId())).map(InboxItem::priority)
                .contains(Priority.DANGER);

        var minor = fixture.person(Channel.TELEGRAM, "2003");
        minor.say("hello");
        var toMinor = minor.say("I am 15 years old");
        assertThat(toMinor.get(0).text()).contains("119");
        assertThat(minor.lastText()).isEqualTo(
                ui(Language.EN, "handoff.urgent_after_hours").replace("{when}", "Monday 10:00"));
    }

    @Test
    void dangerDuringTheTeamsHoursSaysAMediatorIsAlertedFirst() {
        var she = fixture.person(Channel.SMS, PHONE);
        she.say("bonjour");

        var replies = she.say("au secours il me frappe");

        assertThat(replies).extracting(r -> r.text()).contains(ui(Language.FR, "handoff.urgent"));
    }

    @Test
    void aHandoffThatIsGoneGivesHerBackToTheBotInsteadOfLeavingItSilent() {
        var she = fixture.person(Channel.SMS, PHONE);
        var id = heldByAna(she);
        assertThat(she.say("ok")).isEmpty();

        // The handoff's record expires (or is lost) while her conversation is still kept.
        fixture.store.call(jedis -> jedis.del(fixture.store.key("handoff", id)));

        assertThat(she.say("menu")).isNotEmpty();
        assertThat(fixture.desk.find(id)).isEmpty();
    }

    @Test
    void whileHeldHerMessagesKeepTheHandoffForAnotherRetentionPeriod() {
        var she = fixture.person(Channel.SMS, PHONE);
        var id = heldByAna(she);
        var key = fixture.store.key("handoff", id);
        fixture.store.call(jedis -> jedis.expire(key, 60));

        she.say("merci de m'écouter");

        long ttl = fixture.store.call(jedis -> jedis.ttl(key));
        assertThat(ttl).isGreaterThan(Duration.ofDays(1).toSeconds());
    }

    @Test
    void eraseWhileHeldRemovesTheHandoffTheHoldAndTheTranscriptAtOnce() {
        var she = fixture.person(Channel.SMS, PHONE);
        var id = heldByAna(she);
        fixture.desk.send(id, "ana", "Bonjour");

        she.say("effacer");
        assertThat(she.lastText()).isEqualTo(ui(Language.FR, "erase.confirm"));
        she.say("1");

        assertThat(she.lastTurn().erased()).isTrue();
        assertThat(fixture.desk.find(id)).isEmpty();
        assertThat(fixture.desk.held("ana")).isEmpty();
        assertThat(fixture.desk.transcript(id)).isEmpty();
        assertThat(fixture.store.<Set<String>>call(jedis -> jedis.keys(fixture.store.prefix() + "handoff:*")))
                .allSatisfy(key -> assertThat(key).doesNotContain(id));
        assertThat(fixture.store.<java.util.List<String>>call(jedis -> jedis.zrange(
                fixture.store.key("handoff", "queue", "held"), 0, -1))).doesNotContain(id);
        assertThatThrownBy(() -> fixture.desk.send(id, "ana", "encore")).isInstanceOf(UnknownHandoffException.class);
    }

    @Test
    void redisHoldsNeitherHerAddressNorHerWordsInClear() {
        var she = fixture.person(Channel.SMS, PHONE);
        she.say("bonjour");
        she.say("mon proxénète garde mon passeport");
        she.say("human");
        var id = she.lastTurn().conversationId();
        fixture.desk.claim(id, ANA);
        she.say("je suis cachée chez une amie");
        fixture.desk.send(id, "ana", "Restez où vous êtes, je vous appelle le 112 si besoin");
        fixture.sent();

        var redis = fixture.everythingInRedis();
        assertThat(redis).doesNotContain(PHONE, "698765432", "passeport", "cachée", "Restez où vous êtes");
        assertThat(fixture.desk.transcript(id)).extracting(TranscriptEntry::text)
                .contains("mon proxénète garde mon passeport", "je suis cachée chez une amie");
    }

    @Test
    void sheCanStopWhileHeld() {
        var she = fixture.person(Channel.SMS, PHONE);
        she.say("bonjour");
        she.say("human");
        fixture.desk.claim(she.lastTurn().conversationId(), ANA);
        she.say("STOP");
        assertThat(she.lastText()).isEqualTo(ui(Language.FR, "stop.done"));
    }

    /** She greets, asks for a mediator, and Ana takes her conversation: its id. */
    private String heldByAna(RecordingChannel she) {
        she.say("bonjour");
        she.say("human");
        var id = she.lastTurn().conversationId();
        fixture.desk.claim(id, ANA);
        return id;
    }
}

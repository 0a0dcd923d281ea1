package org.passerelle.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.content.Language;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.OutboundMessage;
import org.passerelle.core.handoff.HandoffConflictException;
import org.passerelle.core.handoff.HandoffState;
import org.passerelle.core.handoff.InboxItem;
import org.passerelle.core.handoff.Mediator;
import org.passerelle.core.handoff.Priority;
import org.passerelle.core.handoff.Skill;
import org.passerelle.core.handoff.TranscriptEntry;
import org.passerelle.core.handoff.TranscriptEntry.Author;
import org.passerelle.core.handoff.UnknownHandoffException;

/** A mediator takes a conversation over, talks with her on her channel, and gives it back. */
class MediatorDeskIntegrationTests {

    private static final Mediator ANA = new Mediator("ana", "Ana", Set.of(Language.FR), Set.of());
    private static final Mediator BEA = new Mediator("bea", "Béa", Set.of(), Set.of(Skill.MINORS));
    private static final Mediator CHLOE = new Mediator("chloe", "Chloé", Set.of(Language.EN), Set.of());
    private static final String PHONE = "+33612345678";

    private final HandoffFixture fixture = new HandoffFixture();
    private final MediatorDesk desk = fixture.desk;

    @AfterEach
    void close() {
        fixture.close();
    }

    private RecordingChannel waitingOnSms() {
        var she = fixture.person(Channel.SMS, PHONE);
        she.say("bonjour");
        she.say("human");
        assertThat(she.lastText()).contains(fixture.ui(Language.FR, "handoff.requested"));
        return she;
    }

    // Her state is sealed in Redis: read through the engine's store.
    private String state(RecordingChannel she) {
        return fixture.engine.conversations().load(she.lastTurn().conversationId())
                .map(state -> state.handoff().name()).orElse(null);
    }

    @Test
    void aMediatorTakesOverAndWritesToHerOnHerOwnChannelWhileTheBotStaysSilent() {
        var she = waitingOnSms();
        var id = she.lastTurn().conversationId();
        assertThat(desk.waiting(ANA)).singleElement().satisfies(item -> {
            assertThat(item.conversationId()).isEqualTo(id);
            assertThat(item.channel()).isEqualTo(Channel.SMS);
            assertThat(item.priority()).isEqualTo(Priority.NORMAL);
        });

        var item = desk.claim(id, ANA);
        assertThat(item.mediatorId()).isEqualTo("ana");
        assertThat(state(she)).isEqualTo("WITH_MEDIATOR");
        assertThat(fixture.sent()).singleElement().satisfies(message -> {
            assertThat(message.channel()).isEqualTo(Channel.SMS);
            assertThat(message.address()).isEqualTo(PHONE);
            assertThat(message.reply().text()).isEqualTo(fixture.ui(Language.FR, "handoff.claimed"));
        });
        assertThat(desk.waiting(ANA)).isEmpty();
        assertThat(desk.held("ana")).extracting(InboxItem::conversationId).containsExactly(id);

        assertThat(she.say("merci, je suis là")).isEmpty();
        desk.send(id, "ana", "  Bonjour, je m'appelle Ana.  ");
        assertThat(fixture.sent()).extracting(OutboundMessage::address, m -> m.reply().text())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PHONE, "Bonjour, je m'appelle Ana."));

        assertThat(desk.transcript(id)).extracting(TranscriptEntry::author, TranscriptEntry::text)
                .endsWith(org.assertj.core.groups.Tuple.tuple(Author.BOT, fixture.ui(Language.FR, "handoff.claimed")),
                        org.assertj.core.groups.Tuple.tuple(Author.PERSON, "merci, je suis là"),
                        org.assertj.core.groups.Tuple.tuple(Author.MEDIATOR, "Bonjour, je m'appelle Ana."));
    }

    @Test
    void theTranscriptStartsWithTheTurnsBeforeTheHandoff() {
        var she = fixture.person(Channel.TELEGRAM, "4242");
        she.say("bonjour");
        she.say("topic:complaint");
        she.say("topic:lawyer");
        she.say("human");
        var entries = desk.transcript(she.lastTurn().conversationId());
        // Two turns of context (complaint, lawyer), then the request.
        assertThat(entries).filteredOn(e -> e.author() == Author.PERSON).extracting(TranscriptEntry::text)
                .containsExactly("topic:complaint", "topic:lawyer", "human");
        assertThat(entries.get(entries.size() - 1).text()).contains(fixture.ui(Language.FR, "handoff.requested"));
    }

    @Test
    void releaseGivesHerBackToTheBotWhichAnswersAgain() {
        var she = waitingOnSms();
        var id = she.lastTurn().conversationId();
        desk.claim(id, ANA);
        fixture.sent();

        assertThatThrownBy(() -> desk.release(id, "bea")).isInstanceOf(HandoffConflictException.class);
        desk.release(id, "ana");

        assertThat(fixture.sent()).singleElement().satisfies(message -> {
            assertThat(message.reply().text()).startsWith(fixture.ui(Language.FR, "handoff.released"));
            assertThat(message.reply().options()).extracting(o -> o.key()).contains("human", "topics");
        });
        assertThat(state(she)).isEqualTo("BOT");
        assertThat(desk.find(id)).isEmpty();
        assertThat(desk.held("ana")).isEmpty();
        she.say("1");
        assertThat(she.lastText()).isEqualTo(fixture.ui(Language.FR, "topics.title"));
        var ttl = fixture.store.<Long>call(jedis -> jedis.ttl(fixture.store.key("handoff", "transcript", id)));
        assertThat(ttl).isPositive().isLessThanOrEqualTo(HandoffFixture.SETTINGS.keepAfterClose().toSeconds());
    }

    @Test
    void closeEndsTheHandoffAndSheCanAskAgainLater() {
        var she = waitingOnSms();
        var id = she.lastTurn().conversationId();
        desk.claim(id, ANA);
        desk.close(id, "ana");

        assertThat(fixture.sent()).last().satisfies(message ->
                assertThat(message.reply().text()).startsWith(fixture.ui(Language.FR, "handoff.closed")));
        assertThat(state(she)).isEqualTo("CLOSED");
        assertThatThrownBy(() -> desk.send(id, "ana", "encore là ?")).isInstanceOf(UnknownHandoffException.class);
        assertThatThrownBy(() -> desk.close(id, "ana")).isInstanceOf(UnknownHandoffException.class);

        she.say("human");
        assertThat(she.lastText()).contains(fixture.ui(Language.FR, "handoff.requested"));
        assertThat(desk.find(id)).map(InboxItem::state).contains(HandoffState.WAITING);
    }

    @Test
    void transferHandsTheConversationToAnotherMediator() {
        var she = waitingOnSms();
        var id = she.lastTurn().conversationId();
        desk.claim(id, ANA);
        assertThatThrownBy(() -> desk.transfer(id, "bea", CHLOE)).isInstanceOf(HandoffConflictException.class);

        desk.transfer(id, "ana", BEA);

        assertThat(desk.held("ana")).isEmpty();
        assertThat(desk.held("bea")).extracting(InboxItem::conversationId).containsExactly(id);
        assertThatThrownBy(() -> desk.send(id, "ana", "bonjour")).isInstanceOf(HandoffConflictException.class);
        desk.send(id, "bea", "Bonjour, je prends le relais.");
        assertThat(fixture.sent()).last().extracting(m -> m.reply().text()).isEqualTo("Bonjour, je prends le relais.");
    }

    @Test
    void sendRefusesBlankAndOverlongTextsAndWhatIsNotHeld() {
        var she = waitingOnSms();
        var id = she.lastTurn().conversationId();
        assertThatThrownBy(() -> desk.send(id, "ana", "bonjour")).isInstanceOf(HandoffConflictException.class);
        desk.claim(id, ANA);
        assertThatIllegalArgumentException().isThrownBy(() -> desk.send(id, "ana", "   "));
        assertThatIllegalArgumentException().isThrownBy(() -> desk.send(id, "ana", "x".repeat(301)))
                .withMessageContaining("300");
        assertThatThrownBy(() -> desk.send("nobody", "ana", "bonjour")).isInstanceOf(UnknownHandoffException.class);
        assertThatThrownBy(() -> desk.claim("nobody", ANA)).isInstanceOf(UnknownHandoffException.class);
    }

    @Test
    void ofEightMediatorsClaimingAtOnceExactlyOneWinsAndSheIsToldOnce() throws Exception {
        var id = waitingOnSms().lastTurn().conversationId();
        var pool = Executors.newFixedThreadPool(8);
        var start = new CountDownLatch(1);
        var winners = Collections.synchronizedList(new ArrayList<String>());
        try {
            var futures = new ArrayList<java.util.concurrent.Future<?>>();
            for (int i = 0; i < 8; i++) {
                var mediator = new Mediator("m" + i, null, Set.of(), Set.of());
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        desk.claim(id, mediator);
                        winners.add(mediator.id());
                    } catch (HandoffConflictException lost) {
                        // Another one was first.
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var future : futures) {
                future.get(20, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(winners).hasSize(1);
        assertThat(desk.find(id)).map(InboxItem::mediatorId).contains(winners.get(0));
        assertThat(fixture.sent()).hasSize(1);
    }

    @Test
    void theWaitingListFollowsHerLanguagesAndOffersMinorsToTrainedMediatorsFirst() {
        var plain = waitingOnSms().lastTurn().conversationId();
        fixture.clock.advance(Duration.ofSeconds(5));
        var minor = fixture.person(Channel.WEBCHAT, "web-minor");
        minor.say("bonjour");
        minor.say("j'ai 16 ans");
        fixture.clock.advance(Duration.ofSeconds(5));
        var english = fixture.person(Channel.TELEGRAM, "777");
        english.say("hello");
        english.say("human");
        var minorId = minor.lastTurn().conversationId();
        var englishId = english.lastTurn().conversationId();

        assertThat(desk.waiting(BEA)).extracting(InboxItem::conversationId).containsExactly(minorId, plain, englishId);
        assertThat(desk.waiting(BEA).get(0).priority()).isEqualTo(Priority.MINOR);
        assertThat(desk.waiting(ANA)).extracting(InboxItem::conversationId).containsExactly(plain);
        assertThat(desk.waiting(CHLOE)).extracting(InboxItem::conversationId).containsExactly(englishId);

        fixture.clock.advance(HandoffFixture.SETTINGS.minorExclusive());
        assertThat(desk.waiting(ANA)).extracting(InboxItem::conversationId).containsExactly(minorId, plain);
    }

    @Test
    void cannedRepliesComeFromTheContentInHerLanguage() {
        for (var language : Language.values()) {
            assertThat(desk.cannedReplies(language)).hasSizeBetween(3, 5).doesNotHaveDuplicates()
                    .allSatisfy(text -> assertThat(text).isNotBlank());
        }
        assertThat(desk.cannedReplies(Language.EN)).contains("Are you safe right now?");
    }
}

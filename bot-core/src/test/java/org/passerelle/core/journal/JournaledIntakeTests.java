package org.passerelle.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.InboundMessage;
import org.passerelle.core.channel.MessageIntake;
import org.passerelle.core.channel.MessageIntake.Intake;
import org.passerelle.core.conversation.ConversationBusyException;
import org.passerelle.core.conversation.TooManyMessagesException;
import org.passerelle.core.store.StoreUnavailableException;

/**
 * The journaled intake around a stand-in for the engine's intake whose store can be taken down:
 * what is kept, what the connector is told, the order and the single answer of the replay.
 */
class JournaledIntakeTests {

    @TempDir
    Path dir;

    private final AtomicBoolean storeUp = new AtomicBoolean(true);
    private final Engine engine = new Engine();
    private InboundJournal journal;
    private JournaledIntake intake;

    /** Stands in for the engine's intake: takes each channel message id once, while its store is up. */
    private final class Engine {

        final List<String> live = new ArrayList<>();
        final List<String> replayed = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        RuntimeException failReplay;
        Runnable duringReplay;

        Intake take(InboundMessage message, List<String> into) {
            if (!storeUp.get()) {
                throw new StoreUnavailableException("down (test)", null);
            }
            if (!seen.add(message.channelMessageId())) {
                return Intake.DUPLICATE;
            }
            into.add(message.text());
            return Intake.ACCEPTED;
        }
    }

    @BeforeEach
    void open() {
        var settings = new JournalSettings(dir, "test", 1 << 20, 3);
        journal = InboundJournal.open(settings, InboundJournalTests.TEXTS, InboundJournalTests.PSEUDONYMS);
        MessageIntake live = message -> engine.take(message, engine.live);
        MessageIntake replayed = message -> {
            if (engine.failReplay != null) {
                throw engine.failReplay;
            }
            if (engine.duringReplay != null) {
                engine.duringReplay.run();
            }
            return engine.take(message, engine.replayed);
        };
        intake = new JournaledIntake(journal,
                new JournaledIntake.Intakes(live, replayed, InboundJournalTests.PSEUDONYMS), storeUp::get, settings,
                Clock.systemUTC());
    }

    @AfterEach
    void close() {
        journal.close();
    }

    private static InboundMessage from(String phone, String text, String sid) {
        return new InboundMessage(Channel.SMS, phone, text, "tw:" + sid, InboundJournalTests.AT);
    }

    @Test
    void takesMessagesLiveWhileTheStoreIsUp() {
        assertThat(intake.receive(from("+33611111111", "bonjour", "1"))).isEqualTo(Intake.ACCEPTED);
        assertThat(engine.live).containsExactly("bonjour");
        assertThat(intake.pending()).isZero();
    }

    @Test
    void keepsMessagesWhileTheStoreIsDownAndAnswersThemInOrderOnceItIsBack() {
        storeUp.set(false);
        assertThat(intake.receive(from("+33611111111", "un", "1"))).isEqualTo(Intake.JOURNALED);
        assertThat(intake.receive(from("+33622222222", "deux", "2"))).isEqualTo(Intake.JOURNALED);
        assertThat(intake.receive(from("+33611111111", "trois", "3"))).isEqualTo(Intake.JOURNALED);
        assertThat(intake.storeDown()).isTrue();
        assertThat(intake.replayPending()).isZero();
        assertThat(intake.pending()).isEqualTo(3);

        storeUp.set(true);
        assertThat(intake.replayPending()).isEqualTo(3);

        assertThat(engine.replayed).containsExactly("un", "deux", "trois");
        assertThat(engine.live).isEmpty();
        assertThat(intake.pending()).isZero();
        assertThat(intake.storeDown()).isFalse();
    }

    @Test
    void keepsHerNewMessagesBehindHerKeptOnesButLetsOthersThrough() {
        storeUp.set(false);
        intake.receive(from("+33611111111", "un", "1"));
        storeUp.set(true);
        var answers = new ArrayList<Intake>();
        engine.duringReplay = () -> {
            engine.duringReplay = null;
            // Redis is back, "un" is being replayed: her "deux" must not overtake it, another's may.
            answers.add(intake.receive(from("+33611111111", "deux", "2")));
            answers.add(intake.receive(from("+33633333333", "autre", "3")));
        };

        intake.replayPending();

        assertThat(answers).containsExactly(Intake.ACCEPTED, Intake.ACCEPTED);
        assertThat(engine.live).containsExactly("autre");
        assertThat(engine.replayed).containsExactly("un", "deux");
        assertThat(intake.waiting(Channel.SMS, "+33611111111")).isFalse();
        assertThat(intake.receive(from("+33611111111", "trois", "4"))).isEqualTo(Intake.ACCEPTED);
        assertThat(engine.live).containsExactly("autre", "trois");
    }

    @Test
    void answersOnceAMessageReplayedTwiceAfterACrash() {
        storeUp.set(false);
        intake.receive(from("+33611111111", "un", "1"));
        intake.receive(from("+33611111111", "deux", "2"));
        storeUp.set(true);
        intake.replayPending();
        // A crash before the journal learnt they were taken: the same records come again.
        journal.append(from("+33611111111", "un", "1"));
        journal.append(from("+33611111111", "deux", "2"));

        intake.replayPending();

        assertThat(engine.replayed).containsExactly("un", "deux");
        assertThat(intake.pending()).isZero();
    }

    @Test
    void givesAMessageWithoutAChannelIdOneThatLastsThroughReplays() {
        storeUp.set(false);
        intake.receive(new InboundMessage(Channel.WEBCHAT, "w".repeat(32), "bonjour", null, InboundJournalTests.AT));
        var kept = new ArrayList<InboundMessage>();
        journal.replay(message -> {
            kept.add(message);
            return InboundJournal.Replayed.LATER;
        });

        assertThat(kept).singleElement().satisfies(message -> assertThat(message.channelMessageId()).startsWith("journal:"));
    }

    @Test
    void dropsAFloodDuringTheOutageAsTheEngineWouldLive() {
        storeUp.set(false);
        for (int i = 0; i < 3; i++) {
            intake.receive(from("+33611111111", "m" + i, "f" + i));
        }
        assertThatThrownBy(() -> intake.receive(from("+33611111111", "m3", "f3")))
                .isInstanceOf(TooManyMessagesException.class);
        assertThat(intake.receive(from("+33622222222", "autre", "g1"))).isEqualTo(Intake.JOURNALED);
        assertThat(intake.pending()).isEqualTo(4);
    }

    @Test
    void answersTheWebChatNowOrTellsItWhyNot() {
        var now = intake.receiveNow(from("+33611111111", "un", "1"), message -> "turn", taken -> "deferred " + taken);
        storeUp.set(false);
        var down = intake.receiveNow(from("+33611111111", "deux", "2"),
                message -> engine.take(message, engine.live).name(), taken -> "deferred " + taken);
        storeUp.set(true);

        assertThat(now).isEqualTo("turn");
        assertThat(down).isEqualTo("deferred JOURNALED");
    }

    @Test
    void refusesWithAStoreFailureWhenTheJournalCannotKeepIt() {
        var settings = new JournalSettings(dir.resolve("small"), "small", 4096, 1000);
        try (var small = InboundJournal.open(settings, InboundJournalTests.TEXTS, InboundJournalTests.PSEUDONYMS)) {
            var tiny = new JournaledIntake(small, new JournaledIntake.Intakes(
                    message -> { throw new StoreUnavailableException("down (test)", null); },
                    message -> Intake.ACCEPTED, InboundJournalTests.PSEUDONYMS), () -> false, settings,
                    Clock.systemUTC());
            assertThatThrownBy(() -> {
                for (int i = 0; i < 1000; i++) {
                    tiny.receive(from("+336" + i, "message " + i, "s" + i));
                }
            }).isInstanceOf(JournalException.class).isInstanceOf(StoreUnavailableException.class);
        }
    }

    @Test
    void retriesAMessageThatFailsAndGivesItUpAfterAFewReplays() {
        storeUp.set(false);
        intake.receive(from("+33611111111", "un", "1"));
        intake.receive(from("+33622222222", "deux", "2"));
        storeUp.set(true);
        engine.failReplay = new ConversationBusyException("busy (test)");
        intake.replayPending();
        assertThat(intake.pending()).isEqualTo(2);

        engine.failReplay = new IllegalStateException("a bug (test)");
        for (int i = 0; i < 4; i++) {
            intake.replayPending();
        }
        engine.failReplay = null;
        assertThat(intake.pending()).isEqualTo(1);
        intake.replayPending();
        assertThat(engine.replayed).containsExactly("deux");
    }
}

package org.passerelle.core.journal;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.InboundMessage;
import org.passerelle.core.channel.MessageIntake;
import org.passerelle.core.conversation.ConversationBusyException;
import org.passerelle.core.conversation.TooManyMessagesException;
import org.passerelle.core.privacy.Pseudonymizer;
import org.passerelle.core.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intake the connectors use: hands each message to the engine's intake, and when Redis
 * fails keeps it in the {@link InboundJournal} instead and says {@link Intake#JOURNALED}. Once
 * Redis answers again, {@link #replayPending()} hands the kept messages over in order, without
 * counting them against the per-minute limit a second time. While messages of a person still
 * wait, her new ones wait behind them, so that her turns keep their order. A message is
 * recognised by its channel message id, so one replayed twice (a crash during a replay) is
 * answered once; a message without one gets one when it is kept.
 */
public final class JournaledIntake implements MessageIntake {

    private static final Logger log = LoggerFactory.getLogger(JournaledIntake.class);
    // A message that fails this many replays for another reason than Redis is given up.
    private static final int MAX_FAILED_REPLAYS = 5;

    private final InboundJournal journal;
    private final MessageIntake live;
    private final MessageIntake replayed;
    private final BooleanSupplier storeAnswers;
    private final SenderWindow window;
    private final Pseudonymizer senders;
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private volatile boolean storeDown;

    /**
     * @param journal      where messages wait while Redis is down
     * @param intakes      the engine's intake for live messages and for replayed ones
     * @param storeAnswers whether Redis answers now (a PING); never throws
     * @param settings     the per-minute limit of what is kept per sender
     * @param clock        the time source
     */
    public JournaledIntake(InboundJournal journal, Intakes intakes, BooleanSupplier storeAnswers,
            JournalSettings settings, Clock clock) {
        this.journal = journal;
        this.live = intakes.live();
        this.replayed = intakes.replayed();
        this.storeAnswers = storeAnswers;
        this.window = new SenderWindow(settings.perMinute(), clock);
        this.senders = intakes.senders();
    }

    /**
     * The engine's two ways in, and the pseudonyms that name a sender.
     *
     * @param live     takes a message as it arrives (EngineIntake::receive)
     * @param replayed takes a kept message, without the per-minute count (EngineIntake::replay)
     * @param senders  the pseudonyms
     */
    public record Intakes(MessageIntake live, MessageIntake replayed, Pseudonymizer senders) {
    }

    @Override
    public Intake receive(InboundMessage message) {
        return receiveNow(message, live::receive, taken -> taken);
    }

    @Override
    public <T> T receiveNow(InboundMessage message, Function<InboundMessage, T> now, Function<Intake, T> deferred) {
        if (storeDown) {
            keep(message);
            return deferred.apply(Intake.JOURNALED);
        }
        if (journal.holds(message.channel(), message.address())) {
            keep(message);
            return deferred.apply(Intake.ACCEPTED);
        }
        try {
            return now.apply(message);
        } catch (JournalException e) {
            throw e;
        } catch (StoreUnavailableException e) {
            if (!storeDown) {
                log.warn("Redis unavailable, inbound messages are kept in the journal: {}", e.getMessage());
            }
            storeDown = true;
            keep(message);
            return deferred.apply(Intake.JOURNALED);
        }
    }

    @Override
    public boolean waiting(Channel channel, String address) {
        return journal.holds(channel, address);
    }

    /** Whether Redis was found down and has not answered since. */
    public boolean storeDown() {
        return storeDown;
    }

    /** How many messages wait in the journal. */
    public int pending() {
        return journal.pending();
    }

    /**
     * One pass of the background task: when messages wait or Redis was down, asks Redis; if it
     * answers, replays the journal.
     *
     * @return how many messages were done with
     */
    public int replayPending() {
        if (!storeDown && journal.pending() == 0) {
            return 0;
        }
        if (!storeAnswers.getAsBoolean()) {
            return 0;
        }
        if (storeDown) {
            log.info("Redis answers again; {} kept message(s) to replay", journal.pending());
            storeDown = false;
        }
        int done = journal.replay(this::replayOne);
        if (done > 0 && journal.pending() == 0) {
            log.info("inbound journal replayed: {} message(s)", done);
        }
        return done;
    }

    private void keep(InboundMessage message) {
        if (!window.admit(senders.pseudonym(message.channel(), message.address()))) {
            throw new TooManyMessagesException("too many messages kept from one sender in a minute");
        }
        var id = message.channelMessageId();
        // The id is what recognises a message replayed twice: one that has none gets one now.
        var kept = id == null || id.isBlank()
                ? new InboundMessage(message.channel(), message.address(), message.text(),
                        "journal:" + java.util.UUID.randomUUID(), message.receivedAt())
                : message;
        journal.append(kept);
    }

    private InboundJournal.Replayed replayOne(InboundMessage message) {
        try {
            replayed.receive(message);
            failures.remove(message.channelMessageId());
            return InboundJournal.Replayed.DONE;
        } catch (StoreUnavailableException e) {
            storeDown = true;
            return InboundJournal.Replayed.LATER;
        } catch (ConversationBusyException | TooManyMessagesException e) {
            return failed(message, e);
        } catch (RuntimeException e) {
            log.error("a kept {} message could not be replayed", message.channel().id(), e);
            return failed(message, e);
        }
    }

    private InboundJournal.Replayed failed(InboundMessage message, RuntimeException e) {
        int count = failures.merge(message.channelMessageId(), 1, Integer::sum);
        if (count < MAX_FAILED_REPLAYS) {
            log.warn("a kept {} message is left for the next replay ({} of {}): {}", message.channel().id(), count,
                    MAX_FAILED_REPLAYS, e.getClass().getSimpleName());
            return InboundJournal.Replayed.LATER;
        }
        failures.remove(message.channelMessageId());
        log.error("a kept {} message is given up after {} failed replays: {}", message.channel().id(), count,
                e.getClass().getSimpleName());
        return InboundJournal.Replayed.DONE;
    }
}

package org.passerelle.connectors.testkit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.passerelle.core.channel.InboundMessage;
import org.passerelle.core.channel.MessageIntake;
import org.passerelle.core.conversation.TooManyMessagesException;
import org.passerelle.core.store.StoreUnavailableException;

/**
 * Stands in for the engine's intake: records every message handed over, answers
 * {@link Intake#DUPLICATE} for a channel message id it has seen, and can play a store outage
 * (with or without the journal) or a flood.
 */
public final class RecordingIntake implements MessageIntake {

    /** How the intake behaves for the next messages. */
    public enum Mode {
        /** Takes messages, recognising duplicates. */
        NORMAL,
        /** Throws {@link StoreUnavailableException}. */
        STORE_DOWN,
        /** Throws {@link TooManyMessagesException}. */
        FLOOD,
        /** Answers {@link Intake#JOURNALED}, as the intake does when the store is down. */
        JOURNALED
    }

    private final List<InboundMessage> received = new ArrayList<>();
    private final List<Intake> answers = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private Mode mode = Mode.NORMAL;

    @Override
    public synchronized Intake receive(InboundMessage message) {
        received.add(message);
        switch (mode) {
            case STORE_DOWN -> throw new StoreUnavailableException("store down (test)", null);
            case FLOOD -> throw new TooManyMessagesException("flood (test)");
            case JOURNALED -> {
                answers.add(Intake.JOURNALED);
                return Intake.JOURNALED;
            }
            default -> {
                var answer = seen.add(message.channelMessageId()) ? Intake.ACCEPTED : Intake.DUPLICATE;
                answers.add(answer);
                return answer;
            }
        }
    }

    /** As if a message with this channel message id had been taken before. */
    public synchronized void alreadyTook(String channelMessageId) {
        seen.add(channelMessageId);
    }

    /** Sets how the next messages are treated. */
    public synchronized void mode(Mode mode) {
        this.mode = mode;
    }

    /** Every message handed over, in order, including refused ones. */
    public synchronized List<InboundMessage> received() {
        return List.copyOf(received);
    }

    /** What the intake answered to the messages it did not refuse. */
    public synchronized List<Intake> answers() {
        return List.copyOf(answers);
    }

    /** Forgets everything and goes back to {@link Mode#NORMAL}. */
    public synchronized void reset() {
        received.clear();
        answers.clear();
        seen.clear();
        mode = Mode.NORMAL;
    }
}

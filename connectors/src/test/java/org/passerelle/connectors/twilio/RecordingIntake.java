package org.passerelle.connectors.twilio;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.passerelle.core.channel.InboundMessage;
import org.passerelle.core.channel.MessageIntake;

/**
 * An intake that records what the connector handed over, recognises channel message ids it has
 * seen, and can be told to fail the way the real one does.
 */
class RecordingIntake implements MessageIntake {

    private final List<InboundMessage> received = new ArrayList<>();
    private final List<Intake> answers = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private RuntimeException failure;

    synchronized void reset() {
        received.clear();
        answers.clear();
        seen.clear();
        failure = null;
    }

    /** As if a message with this channel id had been taken before. */
    synchronized void alreadyTook(String channelMessageId) {
        seen.add(channelMessageId);
    }

    /** Every next message fails with this exception. */
    synchronized void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    @Override
    public synchronized Intake receive(InboundMessage message) {
        received.add(message);
        if (failure != null) {
            throw failure;
        }
        var answer = seen.add(message.channelMessageId()) ? Intake.ACCEPTED : Intake.DUPLICATE;
        answers.add(answer);
        return answer;
    }

    synchronized List<InboundMessage> received() {
        return List.copyOf(received);
    }

    synchronized List<Intake> answers() {
        return List.copyOf(answers);
    }
}

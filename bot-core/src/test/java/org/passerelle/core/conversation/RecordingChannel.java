package org.passerelle.core.conversation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.InboundMessage;
import org.passerelle.core.channel.Option;
import org.passerelle.core.channel.Reply;

/**
 * A person on a channel, for conversation tests: says something to the engine and records
 * every reply, turn by turn.
 */
public final class RecordingChannel {

    private final ConversationEngine engine;
    private final Channel channel;
    private final String address;
    private final Clock clock;
    private final List<Reply> transcript = new ArrayList<>();
    private List<Reply> last = List.of();
    private TurnResult lastTurn;

    public RecordingChannel(ConversationEngine engine, Channel channel, Clock clock) {
        this(engine, channel, "test-" + UUID.randomUUID(), clock);
    }

    public RecordingChannel(ConversationEngine engine, Channel channel, String address, Clock clock) {
        this.engine = engine;
        this.channel = channel;
        this.address = address;
        this.clock = clock;
    }

    /** Sends a message and returns the replies of this turn. */
    public List<Reply> say(String text) {
        lastTurn = engine.handle(new InboundMessage(channel, address, text, UUID.randomUUID().toString(),
                clock.instant()));
        last = lastTurn.replies();
        transcript.addAll(last);
        return last;
    }

    /** The replies of the last turn. */
    public List<Reply> lastReplies() {
        return last;
    }

    /** The text of the last reply of the last turn. */
    public String lastText() {
        return last.get(last.size() - 1).text();
    }

    /** The options offered by the last reply of the last turn. */
    public List<Option> options() {
        return last.isEmpty() ? List.of() : last.get(last.size() - 1).options();
    }

    /** The option keys offered by the last reply. */
    public List<String> optionKeys() {
        return options().stream().map(Option::key).toList();
    }

    /** The last turn as the engine returned it. */
    public TurnResult lastTurn() {
        return lastTurn;
    }

    /** Every reply so far, in order. */
    public List<Reply> transcript() {
        return List.copyOf(transcript);
    }

    /** The channel address of this person. */
    public String address() {
        return address;
    }
}

package org.passerelle.admin.inbox;

import java.time.Instant;
import java.util.List;
import org.passerelle.core.handoff.InboxItem;
import org.passerelle.core.handoff.TranscriptEntry;

/** The JSON shapes of the inbox API: pseudonyms, channel and language only, never an address. */
final class InboxApi {

    private InboxApi() {
    }

    /**
     * One conversation in the inbox.
     *
     * @param mediator  who holds it, null while it waits
     * @param claimedAt since when she holds it, null while it waits
     */
    record ItemJson(String id, String state, String language, String channel, String priority,
            Instant requestedAt, String mediator, Instant claimedAt) {

        static ItemJson of(InboxItem item) {
            return new ItemJson(item.conversationId(), item.state().name(), item.language().code(),
                    item.channel().id(), item.priority().name(), item.requestedAt(), item.mediatorId(),
                    item.claimedAt());
        }
    }

    /** One conversation with its transcript, oldest line first. */
    record ConversationJson(String id, String state, String language, String channel, String priority,
            Instant requestedAt, String mediator, Instant claimedAt, List<EntryJson> transcript) {

        static ConversationJson of(InboxItem item, List<TranscriptEntry> transcript) {
            var head = ItemJson.of(item);
            return new ConversationJson(head.id(), head.state(), head.language(), head.channel(), head.priority(),
                    head.requestedAt(), head.mediator(), head.claimedAt(),
                    transcript.stream().map(EntryJson::of).toList());
        }
    }

    /** One line of a transcript; author is PERSON, BOT or MEDIATOR. */
    record EntryJson(String author, String text, Instant at) {

        static EntryJson of(TranscriptEntry entry) {
            return new EntryJson(entry.author().name(), entry.text(), entry.at());
        }
    }

    /** What a mediator sends to the person. */
    record MessageRequest(String text) {
    }

    /** Whom a conversation is handed to, by username. */
    record TransferRequest(String to) {
    }
}

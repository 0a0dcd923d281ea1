package org.passerelle.core.outbox;

import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.Reply;
import org.passerelle.core.store.WriteBatch;
import redis.clients.jedis.params.XAddParams;

/**
 * Writes the outbox's stream entries: each reply with a message id, the pseudonym, the channel,
 * the address sealed under the addresses' key and the reply sealed under the texts' key; and the
 * withdrawal that follows an erase. Entries are added to a batch of writes, never sent alone.
 */
final class OutboxEntries {

    private final OutboxSealers sealers;
    private final String stream;

    OutboxEntries(OutboxSealers sealers, String stream) {
        this.sealers = sealers;
        this.stream = stream;
    }

    /** The replies of one turn, in order; the last ones to a person who erased everything when final. */
    void replies(String conversationId, Channel channel, String address, List<Reply> replies, boolean last,
            WriteBatch batch) {
        var sealed = sealers.addresses().seal(address);
        for (var reply : replies) {
            var fields = entry(conversationId, channel, sealed);
            fields.put(Outbox.REPLY, sealers.texts().seal(OutboxPayload.encode(reply)));
            if (last) {
                fields.put(Outbox.FINAL, "1");
            }
            add(fields, batch);
        }
    }

    /** The withdrawal of what the channel can still take back of the messages sent to her. */
    void withdrawal(String conversationId, Channel channel, String address, WriteBatch batch) {
        var fields = entry(conversationId, channel, sealers.addresses().seal(address));
        fields.put("kind", Outbox.WITHDRAW);
        fields.put(Outbox.FINAL, "1");
        add(fields, batch);
    }

    private void add(HashMap<String, String> fields, WriteBatch batch) {
        // Never capped in length: a cap would drop the oldest replies, unsent. What waits too long
        // leaves by age (Outbox.trim).
        batch.add(tx -> tx.xadd(stream, XAddParams.xAddParams(), fields));
    }

    private static HashMap<String, String> entry(String conversationId, Channel channel, String sealedAddress) {
        var fields = new HashMap<String, String>();
        fields.put("id", UUID.randomUUID().toString());
        fields.put("conv", conversationId);
        fields.put("channel", channel.id());
        fields.put("to", sealedAddress);
        return fields;
    }
}

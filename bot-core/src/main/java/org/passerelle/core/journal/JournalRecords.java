package org.passerelle.core.journal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.InboundMessage;
import org.passerelle.core.privacy.AddressSealer;

/**
 * Turns a message into the payload of a journal record and back. The whole message (channel,
 * address, text, channel message id, time) is sealed with AES-GCM: nothing of it is in clear on
 * disk.
 */
final class JournalRecords {

    private static final int VERSION = 1;

    private final AddressSealer sealer;

    JournalRecords(AddressSealer sealer) {
        this.sealer = sealer;
    }

    byte[] payload(InboundMessage message) {
        var bytes = new ByteArrayOutputStream(64 + message.text().length() * 3);
        try (var out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            write(out, message.channel().id());
            write(out, message.address());
            write(out, message.text());
            write(out, message.channelMessageId());
            out.writeLong(message.receivedAt().getEpochSecond());
            out.writeInt(message.receivedAt().getNano());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sealer.seal(Base64.getEncoder().encodeToString(bytes.toByteArray())).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The message in a payload.
     *
     * @throws IllegalArgumentException when it does not open with this key or is not a message
     */
    InboundMessage message(byte[] payload) {
        var bytes = Base64.getDecoder().decode(sealer.open(new String(payload, StandardCharsets.US_ASCII)));
        try (var in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readByte() != VERSION) {
                throw new IllegalArgumentException("unknown journal record version");
            }
            var channel = Channel.fromId(read(in))
                    .orElseThrow(() -> new IllegalArgumentException("unknown channel in a journal record"));
            var address = read(in);
            var text = read(in);
            var id = read(in);
            var at = Instant.ofEpochSecond(in.readLong(), in.readInt());
            return new InboundMessage(channel, address, text, id, at);
        } catch (IOException e) {
            throw new IllegalArgumentException("a journal record is cut short", e);
        }
    }

    private static void write(DataOutputStream out, String value) throws IOException {
        var bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String read(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > JournalFrames.MAX_PAYLOAD) {
            throw new IOException("bad field length");
        }
        var bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new IOException("field cut short");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

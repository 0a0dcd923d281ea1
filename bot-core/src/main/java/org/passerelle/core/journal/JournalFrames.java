package org.passerelle.core.journal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The framing of journal records on disk: a magic number, the payload's length and its CRC-32C,
 * then the payload. A record cut short by a crash, or damaged, fails its length or checksum and
 * is skipped; reading starts again at the next magic number that begins a whole record.
 */
final class JournalFrames {

    // Bytes above 0x7F: never found inside the ASCII payloads when reading resumes after damage.
    static final int MAGIC = 0xF1A7C0DE;
    static final int HEADER_BYTES = 12;
    static final int MAX_PAYLOAD = 1 << 20;

    /** One whole record: where it starts and ends in the file, and its payload. */
    record Frame(long start, long end, byte[] payload) {
    }

    /**
     * What a file holds.
     *
     * @param frames       the whole records, in order
     * @param validEnd     where the last whole record ends: what follows is a torn tail
     * @param skippedBytes damaged bytes skipped between whole records
     */
    record Scan(List<Frame> frames, long validEnd, long skippedBytes) {

        long tornBytes(long fileSize) {
            return fileSize - validEnd;
        }
    }

    private JournalFrames() {
    }

    static byte[] frame(byte[] payload) {
        var crc = new CRC32C();
        crc.update(payload);
        return ByteBuffer.allocate(HEADER_BYTES + payload.length)
                .putInt(MAGIC).putInt(payload.length).putInt((int) crc.getValue()).put(payload).array();
    }

    static Scan scan(byte[] data) {
        var frames = new ArrayList<Frame>();
        int position = 0;
        int validEnd = 0;
        long skipped = 0;
        while (position < data.length) {
            var frame = frameAt(data, position);
            if (frame != null) {
                frames.add(frame);
                position = (int) frame.end();
                validEnd = position;
                continue;
            }
            int next = nextMagic(data, position + 1);
            if (next < 0) {
                break;
            }
            skipped += next - position;
            position = next;
        }
        // Bytes skipped before a torn tail are part of the tail, not of the middle.
        return new Scan(List.copyOf(frames), validEnd, Math.min(skipped, validEnd));
    }

    private static Frame frameAt(byte[] data, int position) {
        if (data.length - position < HEADER_BYTES) {
            return null;
        }
        var header = ByteBuffer.wrap(data, position, HEADER_BYTES);
        int magic = header.getInt();
        int length = header.getInt();
        int checksum = header.getInt();
        if (magic != MAGIC || length <= 0 || length > MAX_PAYLOAD || length > data.length - position - HEADER_BYTES) {
            return null;
        }
        var crc = new CRC32C();
        crc.update(data, position + HEADER_BYTES, length);
        if ((int) crc.getValue() != checksum) {
            return null;
        }
        var payload = new byte[length];
        System.arraycopy(data, position + HEADER_BYTES, payload, 0, length);
        return new Frame(position, position + HEADER_BYTES + length, payload);
    }

    private static int nextMagic(byte[] data, int from) {
        for (int i = from; i <= data.length - 4; i++) {
            if (ByteBuffer.wrap(data, i, 4).getInt() == MAGIC) {
                return i;
            }
        }
        return -1;
    }
}

package org.passerelle.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.InboundMessage;
import org.passerelle.core.journal.InboundJournal.Replayed;
import org.passerelle.core.privacy.AddressSealer;
import org.passerelle.core.privacy.Pseudonymizer;

/** The journal's files: order, sealing, torn and damaged records, fsync, permissions, bounds. */
class InboundJournalTests {

    static final byte[] SECRET = "a secret for the journal tests, long enough".getBytes(StandardCharsets.UTF_8);
    static final AddressSealer TEXTS = AddressSealer.forTexts(SECRET);
    static final Pseudonymizer PSEUDONYMS = new Pseudonymizer(SECRET);
    static final Instant AT = Instant.parse("2026-11-28T15:00:00.123456789Z");

    @TempDir
    Path dir;

    private final List<InboundJournal> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(InboundJournal::close);
    }

    private InboundJournal open() {
        return open(1 << 20);
    }

    private InboundJournal open(long maxBytes) {
        var journal = InboundJournal.open(new JournalSettings(dir.resolve("journal"), "node-1", maxBytes, 30), TEXTS,
                PSEUDONYMS);
        opened.add(journal);
        return journal;
    }

    private void crash(InboundJournal journal) {
        journal.close();
        opened.remove(journal);
    }

    static InboundMessage sms(String text, String sid) {
        return new InboundMessage(Channel.SMS, "+33612345678", text, "tw:" + sid, AT);
    }

    private static List<InboundMessage> replayAll(InboundJournal journal) {
        var taken = new ArrayList<InboundMessage>();
        journal.replay(message -> {
            taken.add(message);
            return Replayed.DONE;
        });
        return taken;
    }

    @Test
    void replaysEveryKeptMessageInTheOrderItArrived() {
        var journal = open();
        var messages = List.of(sms("bonjour", "SM1"), new InboundMessage(Channel.TELEGRAM, "4242", "j'ai peur 😟", "tg:7", AT),
                new InboundMessage(Channel.WEBCHAT, "w".repeat(32), "مرحبا", "journal:x", AT), sms("aide", "SM2"));
        messages.forEach(journal::append);

        assertThat(journal.pending()).isEqualTo(4);
        assertThat(replayAll(journal)).containsExactlyElementsOf(messages);
        assertThat(journal.pending()).isZero();
        assertThat(journal.replayingFile()).doesNotExist();
        assertThat(replayAll(journal)).isEmpty();
    }

    @Test
    void keepsNeitherTheTextNorTheAddressInClearOnDisk() throws IOException {
        var journal = open();
        journal.append(sms("je suis en danger rue Myrha", "SM1"));
        journal.append(new InboundMessage(Channel.TELEGRAM, "987654321", "help me", "tg:1", AT));

        var onDisk = new String(Files.readAllBytes(journal.activeFile()), StandardCharsets.ISO_8859_1);
        assertThat(onDisk).doesNotContain("danger", "Myrha", "612345678", "987654321", "help", "telegram", "sms");
    }

    @Test
    void skipsARecordTornByACrashAndKeepsWritingAfterTheLastWholeOne() throws IOException {
        var journal = open();
        journal.append(sms("un", "SM1"));
        journal.append(sms("deux", "SM2"));
        long whole = Files.size(journal.activeFile());
        journal.append(sms("trois", "SM3"));
        crash(journal);
        // The crash cut the third record short.
        try (var file = java.nio.channels.FileChannel.open(dir.resolve("journal/inbound-node-1.journal"),
                java.nio.file.StandardOpenOption.WRITE)) {
            file.truncate(whole + 20);
        }

        var reopened = open();
        assertThat(reopened.pending()).isEqualTo(2);
        assertThat(Files.size(reopened.activeFile())).isEqualTo(whole);
        reopened.append(sms("quatre", "SM4"));
        assertThat(replayAll(reopened)).extracting(InboundMessage::text).containsExactly("un", "deux", "quatre");
    }

    @Test
    void skipsADamagedRecordAndReadsTheOnesAfterIt() throws IOException {
        var journal = open();
        journal.append(sms("un", "SM1"));
        long first = Files.size(journal.activeFile());
        journal.append(sms("deux", "SM2"));
        journal.append(sms("trois", "SM3"));
        crash(journal);
        var file = dir.resolve("journal/inbound-node-1.journal");
        var bytes = Files.readAllBytes(file);
        bytes[(int) first + JournalFrames.HEADER_BYTES + 10] ^= 0x5A;
        Files.write(file, bytes);

        var reopened = open();
        assertThat(reopened.pending()).isEqualTo(2);
        assertThat(replayAll(reopened)).extracting(InboundMessage::text).containsExactly("un", "trois");
    }

    @Test
    void forcesEachRecordToDiskBeforeAppendReturns() {
        var events = new CopyOnWriteArrayList<String>();
        var journal = InboundJournal.open(new JournalSettings(dir, "node-1", 1 << 20, 30), TEXTS, PSEUDONYMS,
                file -> new RecordingFileChannel(JournalFiles.OWNER_ONLY.open(file), events));
        opened.add(journal);

        journal.append(sms("un", "SM1"));
        assertThat(events).last().isEqualTo("force");
        assertThat(events).contains("write");
        events.clear();
        journal.append(sms("deux", "SM2"));
        assertThat(events).containsSubsequence("write", "force").last().isEqualTo("force");
    }

    @Test
    void keepsItsFilesReadableByTheirOwnerOnly() throws IOException {
        var journal = open();
        journal.append(sms("un", "SM1"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("journal"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(journal.activeFile())))
                .isEqualTo("rw-------");
    }

    @Test
    void refusesAMessageWhenFullInsteadOfDroppingOne() {
        var journal = open(4096);
        int kept = 0;
        try {
            while (kept < 1000) {
                journal.append(sms("message " + kept, "SM" + kept));
                kept++;
            }
        } catch (JournalException full) {
            assertThat(full).hasMessageContaining("full");
        }

        assertThat(kept).isBetween(5, 999);
        assertThat(journal.pending()).isEqualTo(kept);
        assertThat(replayAll(journal)).hasSize(kept);
        journal.append(sms("room again", "SM-again"));
        assertThat(journal.pending()).isEqualTo(1);
    }

    @Test
    void handsEverythingOverAgainAfterACrashDuringAReplay() {
        var journal = open();
        journal.append(sms("un", "SM1"));
        journal.append(sms("deux", "SM2"));
        journal.append(sms("trois", "SM3"));
        var taken = new ArrayList<String>();
        journal.replay(message -> {
            taken.add(message.text());
            return taken.size() < 2 ? Replayed.DONE : Replayed.LATER;
        });
        assertThat(journal.pending()).isEqualTo(2);
        crash(journal);

        var reopened = open();
        // Which ones were taken is Redis's to know: the intake recognises them by their ids.
        assertThat(reopened.pending()).isEqualTo(3);
        reopened.append(sms("quatre", "SM4"));
        assertThat(replayAll(reopened)).extracting(InboundMessage::text).containsExactly("un", "deux", "trois", "quatre");
        assertThat(reopened.pending()).isZero();
    }

    @Test
    void goesOnFromWhereItStoppedWhenRedisFailsAgain() {
        var journal = open();
        journal.append(sms("un", "SM1"));
        journal.append(sms("deux", "SM2"));
        journal.replay(message -> message.text().equals("un") ? Replayed.DONE : Replayed.LATER);
        journal.append(sms("trois", "SM3"));

        assertThat(journal.pending()).isEqualTo(2);
        assertThat(replayAll(journal)).extracting(InboundMessage::text).containsExactly("deux", "trois");
    }

    @Test
    void replaysInTheSamePassWhatArrivesDuringAReplay() {
        var journal = open();
        journal.append(sms("un", "SM1"));
        var taken = new ArrayList<String>();
        journal.replay(message -> {
            taken.add(message.text());
            if (message.text().equals("un")) {
                journal.append(sms("deux", "SM2"));
            }
            return Replayed.DONE;
        });

        assertThat(taken).containsExactly("un", "deux");
        assertThat(journal.pending()).isZero();
    }

    @Test
    void tellsWhoseMessagesWaitUntilTheyAreReplayed() {
        var journal = open();
        journal.append(sms("un", "SM1"));

        assertThat(journal.holds(Channel.SMS, "+33612345678")).isTrue();
        assertThat(journal.holds(Channel.SMS, "+33600000000")).isFalse();
        assertThat(journal.holds(Channel.WHATSAPP, "+33612345678")).isFalse();
        replayAll(journal);
        assertThat(journal.holds(Channel.SMS, "+33612345678")).isFalse();
    }

    @Test
    void refusesASecondOpeningOfTheSameNode() {
        open();
        assertThatThrownBy(this::open).isInstanceOf(JournalException.class).hasMessageContaining("in use");
    }

    @Test
    void makesANodeIdOfAnyHostName() {
        assertThat(JournalSettings.nodeIdOf("web-1.example.org")).isEqualTo("web-1.example.org");
        assertThat(JournalSettings.nodeIdOf("pod/with spaces")).isEqualTo("pod-with-spaces");
        assertThat(JournalSettings.nodeIdOf("")).isEqualTo("node");
        assertThatThrownBy(() -> new JournalSettings(dir, "../escape", 1 << 20, 30))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

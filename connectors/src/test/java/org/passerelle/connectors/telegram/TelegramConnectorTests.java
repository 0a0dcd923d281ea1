package org.passerelle.connectors.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.passerelle.connectors.testkit.FixedNotice;
import org.passerelle.connectors.testkit.LogCapture;
import org.passerelle.connectors.testkit.RecordingIntake;
import org.springframework.http.HttpStatus;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

/** The parts of the Telegram connector that need no web server. */
class TelegramConnectorTests {

    private static final String TOKEN = TelegramContractTests.TOKEN;

    @Test
    void settingsNeverPrintTheTokenOrTheSecret() {
        var settings = new TelegramSettings(TOKEN, URI.create("https://api.telegram.org"),
                TelegramSettings.Mode.WEBHOOK, "s3cret-value");

        assertThat(settings.toString()).doesNotContain(TOKEN).doesNotContain("s3cret-value").contains("(set)");
    }

    @Test
    void webhookWithoutAConfiguredSecretRefusesEverythingAndWarnsOnce() {
        var intake = new RecordingIntake();
        var client = new OkHttpTelegramClient(TOKEN, TelegramConfiguration.telegramUrl(URI.create("http://localhost:9")));
        var updates = new TelegramUpdates(intake, new FixedNotice(), client, Clock.fixed(TelegramContractTests.NOW, ZoneOffset.UTC));
        var controller = new TelegramWebhookController(updates,
                new TelegramSettings(TOKEN, URI.create("http://localhost:9"), TelegramSettings.Mode.WEBHOOK, " "));
        var body = TelegramPayloads.textUpdate(3001, "bonjour", "").getBytes(StandardCharsets.UTF_8);

        try (var logs = new LogCapture()) {
            var first = controller.receive("", body);
            var second = controller.receive("anything", body);

            assertThat(first.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(second.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(((org.springframework.http.ProblemDetail) first.getBody()).getDetail()).contains("not configured");
            assertThat(logs.linesAtInfoOrAbove()).filteredOn(line -> line.contains("webhook-secret")).hasSize(1);
        }
        assertThat(intake.received()).isEmpty();
    }

    @Test
    void ignoredUpdatesAreLoggedWithAReasonButWithoutTheirText() {
        var intake = new RecordingIntake();
        var client = new OkHttpTelegramClient(TOKEN, TelegramConfiguration.telegramUrl(URI.create("http://localhost:9")));
        var updates = new TelegramUpdates(intake, new FixedNotice(), client, Clock.systemUTC());
        var edited = "{\"update_id\":3002,\"edited_message\":{\"message_id\":1,\"date\":1772446530,\"edit_date\":1772446590,"
                + "\"chat\":{\"id\":424242421,\"type\":\"private\"},\"text\":\"texte corrigé secret\"}}";

        try (var logs = new LogCapture()) {
            var outcome = updates.handle(updates.parse(edited.getBytes(StandardCharsets.UTF_8)));

            assertThat(outcome).isEqualTo(TelegramUpdates.Outcome.IGNORED);
            assertThat(logs.linesAtInfoOrAbove()).anyMatch(line -> line.contains("3002 ignored: edited message"));
            logs.assertNeverLogged("texte corrigé", "424242421");
        }
    }

    @Test
    void splitsAtParagraphsThenLinesThenWords() {
        assertThat(TelegramText.split("aaaa\n\nbbbb\ncccc", 12)).containsExactly("aaaa", "bbbb\ncccc");
        assertThat(TelegramText.split("aaaa\nbbbb\ncccc", 12)).containsExactly("aaaa\nbbbb", "cccc");
        assertThat(TelegramText.split("aaaa bbbb cccc", 12)).containsExactly("aaaa bbbb", "cccc");
        assertThat(TelegramText.split("court", 12)).containsExactly("court");
    }

    @Test
    void hardSplitNeverCutsAnEmojiInHalf() {
        var text = "abc" + "😀".repeat(4);

        var parts = TelegramText.split(text, 6);

        assertThat(String.join("", parts)).isEqualTo(text);
        assertThat(parts).allSatisfy(part -> {
            assertThat(part.length()).isLessThanOrEqualTo(6);
            assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1))).isFalse();
        });
    }

    @Test
    void escapesOnlyWhatTheHtmlParserReads() {
        assertThat(TelegramText.escapeHtml("a & b < c > d \"e\" 'f' 👋🏽 مرحبا"))
                .isEqualTo("a &amp; b &lt; c &gt; d \"e\" 'f' 👋🏽 مرحبا");
    }
}

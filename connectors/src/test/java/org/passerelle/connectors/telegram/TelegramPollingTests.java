package org.passerelle.connectors.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.matching.UrlPattern;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.connectors.testkit.FixedNotice;
import org.passerelle.connectors.testkit.ConnectorHarness;
import org.passerelle.connectors.testkit.RecordingIntake;
import org.passerelle.core.channel.MessageIntake.Intake;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

/** Long polling hands updates over exactly like the webhook, against a stand-in Bot API. */
class TelegramPollingTests {

    private final ConnectorHarness harness = new ConnectorHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    /** The library spells some method paths in camel case and others in lower case. */
    private static UrlPattern method(String name) {
        return urlMatching("(?i)" + Pattern.quote("/bot" + TelegramContractTests.TOKEN + "/" + name));
    }

    @Test
    void handsPolledMessagesToTheIntake() throws InterruptedException {
        var api = harness.api();
        api.stubFor(any(method("deleteWebhook"))
                .willReturn(okJson("{\"ok\":true,\"result\":true}")));
        api.stubFor(any(method("getUpdates")).inScenario("poll")
                .whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"ok\":true,\"result\":["
                        + TelegramPayloads.textUpdate(2001, "/start", "") + "]}"))
                .willSetStateTo("empty"));
        api.stubFor(any(method("getUpdates")).inScenario("poll")
                .whenScenarioStateIs("empty")
                .willReturn(okJson("{\"ok\":true,\"result\":[]}").withFixedDelay(200)));
        var settings = new TelegramSettings(TelegramContractTests.TOKEN, harness.apiUrl(),
                TelegramSettings.Mode.POLLING, null);
        var client = new OkHttpTelegramClient(settings.token(), TelegramConfiguration.telegramUrl(settings.apiUrl()));
        var updates = new TelegramUpdates(harness.intake(), new FixedNotice(), client, Clock.fixed(TelegramContractTests.NOW, ZoneOffset.UTC));
        var polling = new TelegramPolling(updates, settings);
        harness.captureLogs();

        polling.start();
        try {
            for (int i = 0; i < 100 && harness.intake().received().isEmpty(); i++) {
                Thread.sleep(50);
            }
        } finally {
            polling.stop();
        }

        assertThat(polling.isRunning()).isFalse();
        assertThat(harness.intake().received()).singleElement().satisfies(message -> {
            assertThat(message.text()).isEqualTo("start");
            assertThat(message.channelMessageId()).isEqualTo("tg:2001");
            assertThat(message.address()).isEqualTo(String.valueOf(TelegramContractTests.CHAT));
        });
        harness.verifyClean(TelegramContractTests.TOKEN, String.valueOf(TelegramContractTests.CHAT));
    }

    @Test
    void asksForTheNextUpdatesOnlyOnceAnUpdateIsTakenOrJournaled() throws InterruptedException {
        var api = harness.api();
        api.stubFor(any(method("deleteWebhook")).willReturn(okJson("{\"ok\":true,\"result\":true}")));
        api.stubFor(any(method("sendMessage")).willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":99,"
                + "\"date\":1772446531,\"chat\":{\"id\":" + TelegramContractTests.CHAT + ",\"type\":\"private\"}}}")));
        api.stubFor(any(method("getUpdates")).inScenario("poll").whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"ok\":true,\"result\":[" + TelegramPayloads.textUpdate(2101, "bonjour", "") + "]}"))
                .willSetStateTo("empty"));
        api.stubFor(any(method("getUpdates")).inScenario("poll").whenScenarioStateIs("empty")
                .willReturn(okJson("{\"ok\":true,\"result\":[]}").withFixedDelay(200)));
        var settings = new TelegramSettings(TelegramContractTests.TOKEN, harness.apiUrl(),
                TelegramSettings.Mode.POLLING, null);
        var client = new OkHttpTelegramClient(settings.token(), TelegramConfiguration.telegramUrl(settings.apiUrl()));
        var notice = new FixedNotice();
        var polling = new TelegramPolling(new TelegramUpdates(harness.intake(), notice, client,
                Clock.fixed(TelegramContractTests.NOW, ZoneOffset.UTC)), settings);
        // Neither the store nor the journal can take it at first.
        harness.intake().mode(RecordingIntake.Mode.STORE_DOWN);

        polling.start();
        try {
            for (int i = 0; i < 100 && harness.intake().received().size() < 2; i++) {
                Thread.sleep(50);
            }
            assertThat(harness.intake().received()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(pollsPast(2101)).isZero();

            harness.intake().mode(RecordingIntake.Mode.JOURNALED);
            for (int i = 0; i < 100 && pollsPast(2101) == 0; i++) {
                Thread.sleep(50);
            }
        } finally {
            polling.stop();
        }

        assertThat(harness.intake().answers()).containsExactly(Intake.JOURNALED);
        assertThat(pollsPast(2101)).isPositive();
        assertThat(api.findAll(anyRequestedFor(method("sendMessage")))).singleElement()
                .satisfies(request -> assertThat(request.getBodyAsString()).contains("17, 112, SMS 114"));
        assertThat(notice.hints()).containsExactly("null");
    }

    /** The requests for updates that acknowledge this one (their offset is past it). */
    private long pollsPast(int updateId) {
        return harness.api().findAll(anyRequestedFor(method("getUpdates"))).stream()
                .filter(request -> request.getBodyAsString().contains("\"offset\":" + (updateId + 1)))
                .count();
    }
}

package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.content.Language;
import org.passerelle.core.booking.BookingFailure;
import org.passerelle.core.booking.BookingResult;
import org.passerelle.core.booking.Bookings;
import org.passerelle.core.booking.Schedules;
import org.passerelle.core.conversation.MediatorDesk;
import org.passerelle.core.handoff.HandoffState;
import org.passerelle.core.handoff.InboxItem;
import org.passerelle.core.handoff.Mediator;
import org.passerelle.core.store.RedisStore;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.JedisClusterCRC16;
import redis.embedded.RedisShardedCluster;

/**
 * The application on a Redis Cluster of three masters: SMS conversations, a booking and a
 * handoff run their scripts, transactions and pipelines through it, and every key they write
 * lands in the one slot of the prefix's hash tag.
 */
class RedisClusterIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Mediator AWA = new Mediator("awa", "Awa", Set.of(), Set.of());

    @TempDir
    static Path dir;

    private static RedisNodes nodes;
    private static RedisShardedCluster cluster;
    private static SmsTestApp app;

    @BeforeAll
    static void start() throws Exception {
        nodes = new RedisNodes(dir.resolve("redis"));
        try {
            cluster = nodes.cluster(3);
            var seeds = cluster.serverPorts().stream().limit(2).map(port -> "127.0.0.1:" + port)
                    .collect(Collectors.joining(","));
            app = SmsTestApp.start(dir.resolve("data"), List.of("passerelle.redis.cluster.nodes=" + seeds));
        } catch (Exception | Error e) {
            stop();
            throw e;
        }
    }

    @AfterAll
    static void stop() {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            nodes.close();
        }
    }

    @Test
    void answersSmsConversationsThroughTheCluster() {
        var phones = List.of("+33600000101", "+33600000102", "+33600000103");
        for (var phone : phones) {
            assertThat(SmsTestApp.carriesANotice(app.sms(phone, "bonjour"))).isFalse();
        }
        SmsTestApp.await(PATIENCE, () -> phones.stream().allMatch(phone -> !app.sentTo(phone).isEmpty()));
        for (var phone : phones) {
            int before = settled(phone);
            assertThat(SmsTestApp.carriesANotice(app.sms(phone, "English"))).isFalse();
            SmsTestApp.await(PATIENCE, () -> app.sentTo(phone).size() > before);
            assertThat(app.sentTo(phone)).doesNotHaveDuplicates();
        }
    }

    @Test
    void booksAnAppointmentThroughTheCluster() {
        var admin = app.client();
        var rule = admin.admin("POST", "/api/services/pad/rules", """
                {"day": "TUESDAY", "start": "14:00", "end": "15:00", "slotMinutes": 60, "capacity": 1,
                 "languages": ["fr"]}
                """);
        assertThat(rule.statusCode()).isEqualTo(201);

        var she = new WebChatClient(app.port());
        she.say("start");
        she.say("lang:fr");
        she.say("book");
        she.say("service:pad");
        assertThat(she.optionKeys().get(0)).startsWith("day:pad:");
        she.say("1");
        assertThat(she.optionKeys().get(0)).startsWith("slot:pad.");
        she.say("1");
        she.say("Mimi");
        she.say("1");
        assertThat(she.lastText()).startsWith("C'est réservé. Votre code : ");
        var code = she.lastText().substring("C'est réservé. Votre code : ".length()).substring(0, 5);
        assertThat(app.bean(Bookings.class).find(code)).hasValueSatisfying(
                booking -> assertThat(booking.nickname()).contains("Mimi"));

        // The slot held one: the capacity script, run on the cluster, turns a second person away.
        var booking = app.bean(Bookings.class).find(code).orElseThrow();
        var day = booking.start().toLocalDate();
        var slot = app.bean(Schedules.class).slots("pad", day, day).stream()
                .filter(offered -> offered.start().toInstant().equals(booking.start().toInstant()))
                .findFirst().orElseThrow();
        assertThat(app.bean(Bookings.class).book(slot, "pseudonym-of-another", null, Language.FR, 1))
                .isEqualTo(new BookingResult.Refused(BookingFailure.SLOT_FULL));
    }

    @Test
    void handsAConversationToAMediatorThroughTheCluster() {
        var desk = app.bean(MediatorDesk.class);
        var she = new WebChatClient(app.port());
        she.say("start");
        she.say("lang:fr");
        she.say("human");
        var waiting = desk.waiting(AWA).stream().map(InboxItem::conversationId).toList();
        assertThat(waiting).hasSize(1);
        var conversation = waiting.get(0);

        assertThat(desk.claim(conversation, AWA).state()).isEqualTo(HandoffState.WITH_MEDIATOR);
        desk.send(conversation, "awa", "Bonjour, je suis Awa.");
        assertThat(she.say("merci").get("replies").size()).isZero();
        assertThat(desk.transcript(conversation)).isNotEmpty();
        desk.close(conversation, "awa");
        assertThat(desk.find(conversation)).isEmpty();
        assertThat(she.say("menu").get("replies").size()).isPositive();
    }

    @Test
    void keepsEveryKeyInTheSlotOfThePrefix() {
        assertThat(app.sms("+33600000104", "bonjour").statusCode()).isEqualTo(200);
        SmsTestApp.await(PATIENCE, () -> !app.sentTo("+33600000104").isEmpty());
        var store = app.bean(RedisStore.class);
        assertThat(store.prefix()).isEqualTo("{passerelle}:");
        int slot = JedisClusterCRC16.getSlot(store.prefix());

        long total = 0;
        long inSlot = 0;
        for (int port : cluster.serverPorts()) {
            try (var node = new Jedis("127.0.0.1", port)) {
                total += node.dbSize();
                inSlot += node.clusterCountKeysInSlot(slot);
            }
        }
        assertThat(total).isGreaterThan(10).isEqualTo(inSlot);
    }

    @Test
    void reportsTheClusterModeInHealth() {
        var health = app.bean(RedisHealthIndicator.class).health();
        assertThat(health.getStatus().getCode()).isEqualTo("UP");
        assertThat(health.getDetails()).containsEntry("mode", "cluster");
    }

    /** The texts sent to this number, once no more have come for a second. */
    private static int settled(String phone) {
        int seen = -1;
        while (seen != app.sentTo(phone).size()) {
            seen = app.sentTo(phone).size();
            SmsTestApp.sleep(Duration.ofSeconds(1));
        }
        return seen;
    }
}

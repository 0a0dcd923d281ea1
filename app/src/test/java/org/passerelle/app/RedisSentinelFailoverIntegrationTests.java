package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.core.journal.JournaledIntake;
import redis.clients.jedis.Jedis;
import redis.embedded.RedisServer;

/**
 * The master dies under steady SMS traffic: one master, one replica and three Sentinels (real
 * processes), the application following the master through Sentinel. The master is killed
 * (SIGKILL) mid-traffic. The Sentinels promote the
 * replica within seconds; meanwhile each message is answered or gets the outage notice and is
 * replayed from the journal, and after the promotion new messages are answered again. The test
 * prints the loss window it measured: how long no turn succeeded, and how many acknowledged
 * messages lost their effect because the replica had not received them yet.
 */
class RedisSentinelFailoverIntegrationTests {

    private static final String MASTER = "passerelle";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration PACE = Duration.ofMillis(100);

    @TempDir
    static Path dir;

    private static RedisNodes nodes;
    private static RedisServer master;
    private static RedisServer replica;
    private static final List<Integer> sentinels = new ArrayList<>();
    private static SmsTestApp app;

    @BeforeAll
    static void start() throws Exception {
        nodes = new RedisNodes(dir.resolve("redis"));
        try {
            master = nodes.server(null);
            replica = nodes.server(port(master));
            SmsTestApp.await(PATIENCE, () -> info(port(replica), "master_link_status").equals("up"));
            for (int i = 0; i < 3; i++) {
                sentinels.add(port(nodes.sentinel(MASTER, port(master))));
            }
            // A failover needs every Sentinel to know the replica and the two others.
            SmsTestApp.await(PATIENCE, () -> sentinels.stream().allMatch(RedisSentinelFailoverIntegrationTests::ready));
            var list = String.join(",", sentinels.stream().map(port -> "127.0.0.1:" + port).toList());
            app = SmsTestApp.start(dir.resolve("data"), List.of("passerelle.redis.sentinel.master=" + MASTER,
                    "passerelle.redis.sentinel.nodes=" + list, "passerelle.redis.connect-timeout=500ms",
                    "passerelle.redis.socket-timeout=1s"));
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
    void keepsAnsweringWhenTheMasterDiesAndTheReplicaIsPromoted() {
        assertThat(app.bean(RedisHealthIndicator.class).health().getDetails()).containsEntry("mode", "sentinel");
        var traffic = new Traffic(app);
        traffic.sendFor(Duration.ofSeconds(3));

        assertThat(masterPort()).as("the master before the kill").isEqualTo(port(master));
        long killedAt = System.nanoTime();
        RedisNodes.crash(master);
        traffic.sendUntil(() -> masterPort() == port(replica) && traffic.lastAccepted(3));
        long promotedAt = System.nanoTime();
        traffic.sendFor(Duration.ofSeconds(2));

        var sent = traffic.sent();
        assertThat(sent).allMatch(message -> message.status() == 200);
        // Every message that got the notice waits in the journal and is replayed on the new master.
        SmsTestApp.await(PATIENCE, () -> app.bean(JournaledIntake.class).pending() == 0);
        var noticed = sent.stream().filter(Sms::notice).toList();
        SmsTestApp.await(PATIENCE, () -> noticed.stream().allMatch(message -> answered(message)));
        var after = sent.stream().filter(message -> message.sentAt() > promotedAt).toList();
        SmsTestApp.await(PATIENCE, () -> after.stream().allMatch(message -> answered(message)));
        assertThat(after).isNotEmpty().noneMatch(Sms::notice);
        SmsTestApp.sleep(Duration.ofSeconds(3));

        var accepted = sent.stream().filter(Predicate.not(Sms::notice)).toList();
        var lost = accepted.stream().filter(message -> !answered(message)).toList();
        long justBeforeTheKill = accepted.stream()
                .filter(message -> message.doneAt() <= killedAt && message.doneAt() > killedAt - 1_000_000_000L)
                .count();
        var report = LossWindow.of(sent, killedAt, promotedAt, lost.size(), duplicates(sent));
        System.out.println(report);
        // Only writes acknowledged just before the crash can miss the replica; never any after the promotion.
        assertThat(lost).as(report.toString()).hasSizeLessThanOrEqualTo((int) justBeforeTheKill)
                .allMatch(message -> message.doneAt() <= killedAt);
        assertThat(app.bean(RedisHealthIndicator.class).health().getStatus().getCode()).isEqualTo("UP");
    }

    private static boolean answered(Sms message) {
        return !app.sentTo(message.phone()).isEmpty();
    }

    private static List<Sms> duplicates(List<Sms> sent) {
        return sent.stream().filter(message -> {
            var texts = app.sentTo(message.phone());
            return texts.size() != texts.stream().distinct().count();
        }).toList();
    }

    /** The master the Sentinels name now, by port; 0 when none answers. */
    private static int masterPort() {
        for (int sentinel : sentinels) {
            try (var jedis = new Jedis("127.0.0.1", sentinel)) {
                var address = jedis.sentinelGetMasterAddrByName(MASTER);
                return Integer.parseInt(address.get(1));
            } catch (RuntimeException e) {
                // Try the next Sentinel.
            }
        }
        return 0;
    }

    private static boolean ready(int sentinel) {
        try (var jedis = new Jedis("127.0.0.1", sentinel)) {
            var state = jedis.sentinelMaster(MASTER);
            return "1".equals(state.get("num-slaves")) && "2".equals(state.get("num-other-sentinels"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String info(int port, String field) {
        try (var jedis = new Jedis("127.0.0.1", port)) {
            return jedis.info("replication").lines().filter(line -> line.startsWith(field + ":"))
                    .map(line -> line.substring(field.length() + 1).strip()).findFirst().orElse("");
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static int port(redis.embedded.Redis redis) {
        return redis.ports().get(0);
    }

    /** One SMS of the traffic: when it left and came back (nanoTime), Twilio's status, and whether it got the notice. */
    record Sms(String phone, long sentAt, long doneAt, int status, boolean notice) {
    }

    /** Signed SMS at a steady pace, each from a new number so that its replies are its own. */
    private static final class Traffic {

        private final SmsTestApp app;
        private final List<Sms> sent = new ArrayList<>();

        Traffic(SmsTestApp app) {
            this.app = app;
        }

        void sendFor(Duration duration) {
            long until = System.nanoTime() + duration.toNanos();
            sendUntil(() -> System.nanoTime() > until);
        }

        void sendUntil(java.util.function.BooleanSupplier done) {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!done.getAsBoolean()) {
                assertThat(System.nanoTime()).as("still sending after %s", PATIENCE).isLessThan(deadline);
                var phone = "+3361%07d".formatted(sent.size() + 1);
                long start = System.nanoTime();
                var answer = app.sms(phone, "bonjour");
                sent.add(new Sms(phone, start, System.nanoTime(), answer.statusCode(), SmsTestApp.carriesANotice(answer)));
                SmsTestApp.sleep(PACE);
            }
        }

        /** Whether the last {@code count} messages were all taken in without the notice. */
        boolean lastAccepted(int count) {
            return sent.size() >= count && sent.subList(sent.size() - count, sent.size()).stream().noneMatch(Sms::notice);
        }

        List<Sms> sent() {
            return List.copyOf(sent);
        }
    }

    /** What the failover cost, measured from the client's side. */
    record LossWindow(int messages, int noticed, long withoutTurnMillis, long promotionMillis, int lost,
            List<String> duplicates) {

        static LossWindow of(List<Sms> sent, long killedAt, long promotedAt, int lost, List<Sms> duplicated) {
            // Where each message answered twice falls: sent how long after the kill, and with the notice or not.
            var duplicates = duplicated.stream().map(m -> (m.sentAt() - killedAt) / 1_000_000 + " ms"
                    + (m.notice() ? " with the notice" : " taken in")).toList();
            long lastBefore = sent.stream().filter(m -> !m.notice() && m.doneAt() <= killedAt)
                    .mapToLong(Sms::doneAt).max().orElse(killedAt);
            long firstAfter = sent.stream().filter(m -> !m.notice() && m.sentAt() > killedAt)
                    .mapToLong(Sms::doneAt).min().orElse(promotedAt);
            return new LossWindow(sent.size(), (int) sent.stream().filter(Sms::notice).count(),
                    (firstAfter - lastBefore) / 1_000_000, (promotedAt - killedAt) / 1_000_000, lost, duplicates);
        }

        @Override
        public String toString() {
            return "Sentinel failover: " + messages + " SMS at one per " + PACE.toMillis() + " ms; no successful turn for "
                    + withoutTurnMillis + " ms; promotion seen by the test " + promotionMillis
                    + " ms after the kill; " + noticed + " got the outage notice (all replayed and answered); "
                    + lost + " acknowledged then lost (asynchronous replication); " + duplicates.size()
                    + " answered more than once" + (duplicates.isEmpty() ? "" : " " + duplicates);
        }
    }
}

package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.content.Language;
import org.passerelle.core.booking.Appointments;
import org.passerelle.core.booking.BookingDetails;
import org.passerelle.core.booking.BookingResult;
import org.passerelle.core.booking.ReminderRoute;
import org.passerelle.core.booking.Schedules;
import org.passerelle.core.booking.Slot;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.conversation.ReminderDispatch;
import org.passerelle.core.privacy.Pseudonymizer;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import redis.embedded.RedisServer;

/**
 * Two instances of the application on one Redis, behind stand-in Twilio and Telegram APIs: a
 * thousand people write by SMS (their messages alternating between the two instances) and by
 * Telegram (polled by whichever instance holds the lease), each waiting for the answers before
 * writing again. The instance that polls is stopped halfway and the other takes over. Every
 * person gets exactly the answers one person alone gets, in the same order, and every reminder
 * is sent once although both instances send reminders.
 */
class TwoInstancesIntegrationTests {

    private static final String PUBLIC = "https://passerelle.example.org";
    private static final String SMS_PATH = "/connectors/twilio/messages";
    private static final int SMS_PEOPLE = Integer.getInteger("two.sms", 800);
    private static final int TELEGRAM_PEOPLE = Integer.getInteger("two.telegram", 200);
    private static final int REMINDED = Integer.getInteger("two.reminded", 100);
    private static final List<String> SCRIPT = List.of("bonjour", "menu");
    private static final List<String> TELEGRAM_SCRIPT = List.of("/start", "menu");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private RedisServer redis;
    private int redisPort;
    private StandInApis apis;
    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;

    @BeforeEach
    void start() throws Exception {
        redisPort = TestRedis.freePort();
        var dir = Files.createDirectories(dataDir.resolve("redis"));
        redis = RedisServer.newRedisServer().bind("127.0.0.1").port(redisPort)
                .setting("dir \"" + dir + "\"").setting("save \"\"").build();
        redis.start();
        apis = new StandInApis();
        first = instance("a");
        // The first instance polls: the second starts once it holds the lease.
        awaitThat("the first instance holds the polling lease", () -> lease() != null);
        second = instance("b");
    }

    @AfterEach
    void stop() throws IOException {
        for (var app : new ConfigurableApplicationContext[] {second, first}) {
            if (app != null) {
                app.close();
            }
        }
        if (apis != null) {
            apis.close();
        }
        if (redis != null) {
            redis.stop();
        }
    }

    private ConfigurableApplicationContext instance(String name) throws IOException {
        var data = Files.createDirectories(dataDir.resolve(name));
        return new SpringApplicationBuilder(PasserelleApplication.class).run("--server.port=0",
                "--spring.main.banner-mode=off", "--passerelle.data-dir=" + data,
                "--passerelle.redis.url=redis://127.0.0.1:" + redisPort,
                // Every instance needs the same sealing keys and pseudonym secret.
                "--passerelle.privacy.secret=a-long-random-secret-for-the-two-instances-test-0123",
                "--passerelle.privacy.keys.k1=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "--passerelle.twilio.account-sid=" + StandInApis.SID, "--passerelle.twilio.auth-token=" + StandInApis.AUTH,
                "--passerelle.twilio.from=+33700000000", "--passerelle.twilio.api-url=" + apis.baseUrl(),
                "--passerelle.telegram.token=" + StandInApis.TOKEN, "--passerelle.telegram.api-url=" + apis.baseUrl(),
                "--passerelle.telegram.polling.lease=3s", "--passerelle.telegram.polling.long-poll=1s",
                "--passerelle.public-base-url=" + PUBLIC, "--passerelle.limits.connectors.enabled=false",
                "--passerelle.outbox.per-chat.sms=10ms", "--passerelle.outbox.per-chat.telegram=10ms",
                "--passerelle.outbox.per-second.sms=100000", "--passerelle.outbox.per-second.telegram=100000",
                "--passerelle.conversation.per-minute=1000", "--logging.level.org.passerelle=WARN");
    }

    @Test
    void answersAThousandPeopleOnceAndInOrderAcrossTwoInstancesAndATakeOver() throws Exception {
        var expectedSms = reference("+33699999999", SCRIPT, this::sms);
        var expectedTelegram = reference("999999", TELEGRAM_SCRIPT, this::telegram);
        var people = new ArrayList<Person>();
        for (int i = 0; i < SMS_PEOPLE; i++) {
            people.add(new Person(String.format("+336%08d", i), i, expectedSms, false));
        }
        for (int i = 0; i < TELEGRAM_PEOPLE; i++) {
            people.add(new Person(Long.toString(700_000_000L + i), i, expectedTelegram, true));
        }
        var codes = bookWithRemindersDueSoon(people.subList(0, REMINDED));

        converse(people, 0, SCRIPT.size() - 1);
        sendRemindersFromBothInstances();
        var holder = lease();
        first.close();
        first = null;
        // The other instance takes polling over within seconds, and goes on from the kept offset.
        awaitThat("the second instance holds the polling lease", () -> lease() != null && !lease().equals(holder));
        converse(people, SCRIPT.size() - 1, SCRIPT.size());
        apis.awaitQuiet();

        assertThat(apis.unacknowledged()).isZero();
        for (var person : people) {
            var sent = apis.sentTo(person.address()).stream()
                    .filter(text -> codes.values().stream().noneMatch(text::contains)).toList();
            assertThat(sent).as("the answers to %s", person.address()).isEqualTo(person.expected().all());
        }
        for (var booked : codes.entrySet()) {
            assertThat(apis.sentTo(booked.getKey()).stream().filter(text -> text.contains(booked.getValue())))
                    .as("the reminder to %s", booked.getKey()).hasSize(1);
        }
        assertThat(store().<Long>call(jedis -> jedis.zcard(store().key("reminder", "due")))).isZero();
    }

    /** What one person alone is answered, message by message. */
    private record Expected(List<List<String>> perMessage) {

        List<String> all() {
            return perMessage.stream().flatMap(List::stream).toList();
        }

        int upTo(int messages) {
            return perMessage.subList(0, messages).stream().mapToInt(List::size).sum();
        }
    }

    private record Person(String address, int index, Expected expected, boolean telegram) {
    }

    private interface Sender {
        void send(String address, String text, int turn) throws Exception;
    }

    private Expected reference(String address, List<String> script, Sender sender) throws Exception {
        var perMessage = new ArrayList<List<String>>();
        for (int turn = 0; turn < script.size(); turn++) {
            int before = apis.sentTo(address).size();
            sender.send(address, script.get(turn), turn);
            awaitThat("an answer to the reference", () -> apis.sentTo(address).size() > before);
            apis.awaitSettled(address);
            var sent = apis.sentTo(address);
            perMessage.add(sent.subList(before, sent.size()));
        }
        return new Expected(List.copyOf(perMessage));
    }

    /** Sends every person's messages from {@code from} to {@code to}, people side by side, each waiting for her answers. */
    private void converse(List<Person> people, int from, int to) throws Exception {
        var pool = Executors.newFixedThreadPool(48);
        try {
            var tasks = new ArrayList<Callable<Void>>();
            for (var person : people) {
                tasks.add(() -> {
                    for (int turn = from; turn < to; turn++) {
                        var script = person.telegram() ? TELEGRAM_SCRIPT : SCRIPT;
                        if (person.telegram()) {
                            telegram(person.address(), script.get(turn), turn);
                        } else {
                            sms(person.address(), script.get(turn), turn + person.index());
                        }
                        int expected = person.expected().upTo(turn + 1);
                        int sent = turn;
                        awaitThat(() -> "the answers to message " + sent + " of " + person.address() + ": "
                                + apis.sentTo(person.address()) + ", expected " + person.expected().all()
                                + "; outbox " + outboxState(),
                                () -> apis.sentTo(person.address()).size() >= expected);
                    }
                    return null;
                });
            }
            for (var done : pool.invokeAll(tasks)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void telegram(String chat, String text, int turn) {
        apis.telegram(Long.parseLong(chat), text);
    }

    /** Posts a signed SMS webhook to one instance or the other, by turn, or to the one still running. */
    private void sms(String from, String body, int turn) throws Exception {
        var app = first == null || turn % 2 == 1 ? second : first;
        var params = new TreeMap<String, String>(Map.of("From", from, "To", "+33700000000", "Body", body,
                "MessageSid", apis.nextSid(), "NumMedia", "0"));
        var form = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(app) + SMS_PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioSignature.of(StandInApis.AUTH, PUBLIC + SMS_PATH, params))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        var answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("the webhook's answer to %s", from).isEqualTo(200);
    }

    /** Books a place for each, in a slot whose two-hour reminder falls due within a minute. */
    private Map<String, String> bookWithRemindersDueSoon(List<Person> people) {
        var appointments = first.getBean(Appointments.class);
        var pseudonyms = first.getBean(Pseudonymizer.class);
        var start = ZonedDateTime.now(Slot.PARIS).truncatedTo(ChronoUnit.MINUTES).plusHours(2).plusMinutes(1);
        var slot = new Slot(Schedules.SEED.get(0).id(), start, start.plusMinutes(30), REMINDED, Set.of(Language.FR));
        var codes = new LinkedHashMap<String, String>();
        for (var person : people) {
            var booked = appointments.book(slot, pseudonyms.pseudonym(Channel.SMS, person.address()),
                    BookingDetails.in(Language.FR), new ReminderRoute(Channel.SMS, person.address(), Language.FR));
            assertThat(booked).isInstanceOf(BookingResult.Booked.class);
            codes.put(person.address(), ((BookingResult.Booked) booked).booking().code());
        }
        return codes;
    }

    /** Both instances send the due reminders at the same time, from two threads each, besides their own loops. */
    private void sendRemindersFromBothInstances() throws Exception {
        var due = store().key("reminder", "due");
        // Their own loops may have sent some already: none is left to come.
        awaitThat("the reminders fall due", () -> store().<Long>call(jedis ->
                jedis.zcount(due, Long.toString(System.currentTimeMillis()), "+inf")) == 0);
        var dispatchers = List.of(first.getBean(ReminderDispatch.class), second.getBean(ReminderDispatch.class));
        var pool = Executors.newFixedThreadPool(4);
        try {
            var tasks = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < 4; i++) {
                var dispatch = dispatchers.get(i % 2);
                tasks.add(() -> {
                    int sent = 0;
                    while (store().<Long>call(jedis -> jedis.zcard(due)) > 0) {
                        sent += dispatch.dispatchDue();
                    }
                    return sent;
                });
            }
            int sent = 0;
            for (var done : pool.invokeAll(tasks)) {
                sent += done.get();
            }
            assertThat(sent).isLessThanOrEqualTo(REMINDED);
        } finally {
            pool.shutdownNow();
        }
    }

    private RedisStore store() {
        return (first != null ? first : second).getBean(RedisStore.class);
    }

    private String lease() {
        return store().call(jedis -> jedis.get(store().key("{telegram}", "poller")));
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    private static void awaitThat(String what, BooleanSupplier condition) throws InterruptedException {
        awaitThat(() -> what, condition);
    }

    private static void awaitThat(Supplier<String> what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE + ": " + what.get());
            }
            Thread.sleep(20);
        }
    }

    /** How many replies wait in the outbox, and how many of them an instance read without settling. */
    private String outboxState() {
        var key = store().key("outbox");
        return store().call(jedis -> jedis.xlen(key) + " waiting, "
                + jedis.xpending(key, "senders").getTotal() + " pending, "
                + jedis.xlen(store().key("outbox", "dead")) + " dead");
    }
}

package org.passerelle.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.content.Language;
import org.passerelle.content.sms.SmsSegments;
import org.passerelle.core.booking.Appointments;
import org.passerelle.core.booking.Booking;
import org.passerelle.core.booking.Bookings;
import org.passerelle.core.booking.Reminders;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.Option;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;
import redis.clients.jedis.params.ScanParams;

/**
 * The nickname and the interpreter's language between the chosen time and the confirmation, in
 * French, English and Chinese: given, skipped, refused, another language, danger and the menu
 * at the nickname question, kept when the time fills meanwhile and through a move, and never in
 * clear in Redis.
 */
class BookingDetailsConversationTests {

    // Monday 30 November, 10:00 in Paris. The lawyer: Tuesdays 18:00 and 19:00, in French, English, Chinese.
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
    private final RedisStore store = TestRedis.newStore();
    private Bookings bookings;
    private Appointments appointments;
    private ConversationEngine engine;

    @BeforeEach
    void open() {
        var schedules = TestEngines.lawyerOnTuesdays(store);
        bookings = new Bookings(store, clock, Bookings.DEFAULT_RETENTION, TestEngines.NICKNAMES);
        var reminders = new Reminders(store, TestEngines.ADDRESSES, clock);
        appointments = new Appointments(schedules, bookings, clock, reminders);
        engine = TestEngines.engine(store, clock, appointments);
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** She chose her language, asked to book, and chose the lawyer, the first day and the first time. */
    private RecordingChannel atTheNicknameQuestion(Language language, Channel channel) {
        var she = new RecordingChannel(engine, channel, clock);
        she.say("start");
        she.say("lang:" + language.code());
        she.say("book");
        she.say("1");
        she.say("1");
        she.say("1");
        assertThat(she.lastText()).isEqualTo(ui(language, "booking.nickname"));
        return she;
    }

    private static String ui(Language language, String key) {
        return TestEngines.CONTENT.ui(language, key);
    }

    private static List<String> labels(RecordingChannel she) {
        return she.options().stream().map(Option::label).toList();
    }

    private Booking hers(RecordingChannel she) {
        return bookings.listFor(she.lastTurn().conversationId()).get(0);
    }

    @Test
    void booksWithANicknameAndAnEnglishInterpreterInFrench() {
        var she = atTheNicknameQuestion(Language.FR, Channel.SMS);
        assertThat(labels(she)).containsExactly(ui(Language.FR, "action.skip_nickname"),
                ui(Language.FR, "action.menu"));

        she.say("  Mimi ");
        assertThat(she.lastText()).isEqualTo(ui(Language.FR, "booking.interpreter"));
        assertThat(labels(she)).containsExactly(ui(Language.FR, "action.no_interpreter"), "Anglais", "Chinois",
                ui(Language.FR, "action.menu"));
        assertThat(she.optionKeys()).allSatisfy(key -> assertThat(key.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(64));
        assertThat(SmsSegments.isGsm7(she.lastText() + String.join("", labels(she)))).isTrue();

        she.say("2");
        assertThat(she.lastText()).contains(ui(Language.FR, "service.lawyer"), "18:00")
                .endsWith("\nSurnom : Mimi. Interprète : anglais.");
        she.say("1");
        assertThat(she.lastText()).startsWith("C'est réservé.").endsWith("\nSurnom : Mimi. Interprète : anglais.");
        assertThat(hers(she)).satisfies(b -> {
            assertThat(b.nickname()).contains("Mimi");
            assertThat(b.interpreterLanguage()).isEqualTo(Language.EN);
        });

        she.say("mine");
        assertThat(she.lastText()).contains(hers(she).code() + " : ", "Surnom : Mimi. Interprète : anglais.");
    }

    @Test
    void skipsTheNicknameWithOneAndNeedsNoInterpreterInEnglish() {
        var she = atTheNicknameQuestion(Language.EN, Channel.WEBCHAT);
        she.say("1");
        assertThat(she.lastText()).isEqualTo(ui(Language.EN, "booking.interpreter"));
        // Hers first, as the default: one tap keeps it.
        assertThat(labels(she)).containsExactly("English", "Chinese", ui(Language.EN, "action.no_interpreter"),
                ui(Language.EN, "action.menu"));
        she.say("3");
        assertThat(she.lastText()).endsWith("\nNo interpreter.").doesNotContain("Nickname");
        she.say("1");
        assertThat(she.lastText()).startsWith("It is booked.").endsWith("\nNo interpreter.");
        assertThat(hers(she)).satisfies(b -> {
            assertThat(b.nickname()).isEmpty();
            assertThat(b.interpreterLanguage()).isEqualTo(Language.FR);
        });
    }

    @Test
    void skipsByTheButtonAndTakesHerLanguageByDefaultInChinese() {
        var she = atTheNicknameQuestion(Language.ZH, Channel.WEBCHAT);
        she.say(she.optionKeys().get(0));
        assertThat(she.lastText()).isEqualTo(ui(Language.ZH, "booking.interpreter"));
        she.say("1");
        assertThat(she.lastText()).endsWith("\n翻译：中文。");
        she.say("1");
        assertThat(hers(she).interpreterLanguage()).isEqualTo(Language.ZH);
        assertThat(hers(she).nickname()).isEmpty();
    }

    @Test
    void explainsAnInvalidNicknameAndAsksAgainInChinese() {
        var she = atTheNicknameQuestion(Language.ZH, Channel.WEBCHAT);
        var question = ui(Language.ZH, "booking.nickname_invalid") + "\n" + ui(Language.ZH, "booking.nickname");
        for (var invalid : List.of("0612345678", "!!!???", "名".repeat(31), "\u200B\u202E", "小红\n住在巴黎")) {
            she.say(invalid);
            assertThat(she.lastText()).as(invalid).isEqualTo(question);
            assertThat(labels(she)).as(invalid).containsExactly(ui(Language.ZH, "action.skip_nickname"),
                    ui(Language.ZH, "action.menu"));
        }
        she.say("小\u200B红");
        assertThat(she.lastText()).isEqualTo(ui(Language.ZH, "booking.interpreter"));
        she.say("2");
        assertThat(she.lastText()).endsWith("\n昵称：小红。 翻译：英语。");
        she.say("1");
        assertThat(hers(she).nickname()).contains("小红");
        assertThat(hers(she).interpreterLanguage()).isEqualTo(Language.EN);
    }

    @Test
    void answersDangerFirstAtTheNicknameQuestionAndKeepsNoNickname() {
        var she = atTheNicknameQuestion(Language.FR, Channel.WEBCHAT);
        var replies = she.say("au secours il me frappe");
        assertThat(replies.get(replies.size() - 1).text()).isEqualTo(ui(Language.FR, "handoff.urgent"));
        assertThat(she.lastTurn().conversationId()).isNotNull();
        assertThat(bookings.listFor(she.lastTurn().conversationId())).isEmpty();
        assertThat(redisValues()).noneMatch(value -> value.contains("secours") || value.contains("frappe"));
    }

    @Test
    void answersAMinorFirstAtTheNicknameQuestionInEnglish() {
        var she = atTheNicknameQuestion(Language.EN, Channel.WEBCHAT);
        var replies = she.say("I am 15 years old");
        assertThat(replies.get(replies.size() - 1).text()).isEqualTo(ui(Language.EN, "handoff.urgent"));
        assertThat(bookings.listFor(she.lastTurn().conversationId())).isEmpty();
    }

    @Test
    void zeroOrMenuAtTheNicknameQuestionBringsTheMenuAndNoNickname() {
        var she = atTheNicknameQuestion(Language.FR, Channel.SMS);
        she.say("0");
        assertThat(she.lastText()).isEqualTo(ui(Language.FR, "menu.title"));
        var english = atTheNicknameQuestion(Language.EN, Channel.WEBCHAT);
        english.say("Menu");
        assertThat(english.lastText()).isEqualTo(ui(Language.EN, "menu.title"));
        english.say("1");
        assertThat(english.lastText()).isEqualTo(ui(Language.EN, "topics.title"));
    }

    @Test
    void aButtonOfTheMainMenuStillWorksAtTheNicknameQuestion() {
        var she = atTheNicknameQuestion(Language.EN, Channel.WEBCHAT);
        she.say("human");
        assertThat(she.lastText()).startsWith(ui(Language.EN, "handoff.requested"));
        assertThat(bookings.listFor(she.lastTurn().conversationId())).isEmpty();
    }

    @Test
    void aTimeThatFillsBeforeSheConfirmsKeepsWhatSheToldForTheNextTimeInEnglish() {
        var she = atTheNicknameQuestion(Language.EN, Channel.WEBCHAT);
        she.say("Jo");
        she.say("2");
        var slot = appointments.slot("lawyer.20261201T1800+0100").orElseThrow();
        assertThat(appointments.book(slot, "someone-else-000000000000", Language.FR))
                .isInstanceOf(org.passerelle.core.booking.BookingResult.Booked.class);

        she.say("1");
        assertThat(she.lastText()).startsWith(ui(Language.EN, "booking.full"));
        assertThat(she.optionKeys()).first().isEqualTo("slot:lawyer.20261201T1900+0100");
        she.say("1");
        // Straight to the confirmation: she is not asked her nickname and language again.
        assertThat(she.lastText()).contains("7:00 PM").endsWith("\nNickname: Jo. Interpreter: Chinese.");
        she.say("1");
        assertThat(hers(she)).satisfies(b -> {
            assertThat(b.slotId()).isEqualTo("lawyer.20261201T1900+0100");
            assertThat(b.nickname()).contains("Jo");
            assertThat(b.interpreterLanguage()).isEqualTo(Language.ZH);
        });
    }

    @Test
    void movingKeepsTheNicknameAndTheInterpreterInChinese() {
        var she = atTheNicknameQuestion(Language.ZH, Channel.WEBCHAT);
        she.say("Lili");
        she.say("2");
        she.say("1");
        var code = hers(she).code();
        she.say("mine");
        she.say("1");
        she.say("1");
        assertThat(she.optionKeys()).first().isEqualTo("moveto:" + code + ":lawyer.20261201T1900+0100");
        she.say("1");
        // The move goes straight to the new time: what she told stays as it was.
        assertThat(she.lastText()).contains(code).endsWith("\n昵称：Lili。 翻译：英语。");
        assertThat(hers(she)).satisfies(b -> {
            assertThat(b.slotId()).isEqualTo("lawyer.20261201T1900+0100");
            assertThat(b.nickname()).contains("Lili");
            assertThat(b.interpreterLanguage()).isEqualTo(Language.EN);
        });
    }

    @Test
    void keepsTheNicknameSealedInRedisBeforeAndAfterTheBookingAndErasesIt() {
        var she = atTheNicknameQuestion(Language.FR, Channel.WEBCHAT);
        she.say("Rosalinde");
        // Between the nickname and the confirmation, it waits sealed in her conversation state.
        assertThat(redisValues()).isNotEmpty().noneMatch(value -> value.contains("Rosalinde"));
        she.say("1");
        she.say("1");
        assertThat(hers(she).nickname()).contains("Rosalinde");
        assertThat(redisValues()).noneMatch(value -> value.contains("Rosalinde"));
        var sealed = store.<String>call(jedis -> jedis.hget(store.key("booking", hers(she).code()), "nickname"));
        assertThat(sealed).startsWith("k:s0:");

        var code = hers(she).code();
        she.say("effacer");
        she.say("1");
        assertThat(bookings.find(code)).isEmpty();
        assertThat(redisValues()).doesNotContain(sealed);
    }

    /** Every value under this test's prefix, whatever the type of its key. */
    private List<String> redisValues() {
        var values = new ArrayList<String>();
        store.call(jedis -> {
            var params = new ScanParams().match(store.prefix() + "*").count(1000);
            var cursor = ScanParams.SCAN_POINTER_START;
            do {
                var page = jedis.scan(cursor, params);
                for (var key : page.getResult()) {
                    values.add(key);
                    switch (jedis.type(key)) {
                        case "string" -> values.add(jedis.get(key));
                        case "hash" -> values.addAll(jedis.hgetAll(key).values());
                        case "list" -> values.addAll(jedis.lrange(key, 0, -1));
                        case "set" -> values.addAll(jedis.smembers(key));
                        case "zset" -> values.addAll(jedis.zrange(key, 0, -1));
                        case "stream" -> jedis.xrange(key, "-", "+")
                                .forEach(entry -> values.addAll(entry.getFields().values()));
                        default -> { }
                    }
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
            return null;
        });
        return values;
    }
}

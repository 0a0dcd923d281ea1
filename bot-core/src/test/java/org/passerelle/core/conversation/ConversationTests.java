package org.passerelle.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.Option;
import org.passerelle.core.handoff.HandoffQueue;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;

/** Whole conversations with the shipped content, turn by turn, on a real Redis. */
class ConversationTests {

    private static final Clock CLOCK = Clock.systemUTC();
    private static ContentCatalog content;
    private static RedisStore store;
    private static ConversationEngine engine;

    @BeforeAll
    static void start() {
        content = TestEngines.CONTENT;
        store = TestRedis.newStore();
        engine = TestEngines.engine(store, CLOCK);
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    private RecordingChannel person() {
        return new RecordingChannel(engine, Channel.WEBCHAT, CLOCK);
    }

    private static java.util.List<String> languageKeys() {
        return content.languages().stream().map(l -> "lang:" + l.code()).toList();
    }

    private String ui(Language language, String key) {
        return content.ui(language, key);
    }

    @Test
    void welcomesAtFirstContactWithConfidentialityEmergencyNumbersAndALanguageChoice() {
        var she = person();
        var replies = she.say("start");

        assertThat(replies).hasSize(2);
        assertThat(replies.get(0).text())
                .contains(ui(Language.FR, "welcome"), ui(Language.FR, "confidentiality"))
                .contains("17").contains("112").contains("114");
        assertThat(she.optionKeys()).isEqualTo(languageKeys());
        assertThat(she.options()).extracting(Option::label).startsWith("Français", "English")
                .hasSameSizeAs(content.languages());
        assertThat(she.lastText()).contains(ui(Language.FR, "language.prompt"), ui(Language.EN, "language.prompt"));
    }

    @Test
    void answersInTheLanguageChosenByKeyWithTheMainMenu() {
        var she = person();
        she.say("start");
        she.say("lang:en");

        assertThat(she.lastTurn().language()).isEqualTo(Language.EN);
        assertThat(she.lastText()).contains(ui(Language.EN, "language.changed"), ui(Language.EN, "menu.title"));
        assertThat(she.optionKeys()).containsExactly("topics", "book", "human", "emergency", "lang");
        assertThat(she.options().get(0).label()).isEqualTo(ui(Language.EN, "menu.topics"));
    }

    @Test
    void choosesTheLanguageByNumberOrByLabel() {
        var byNumber = person();
        byNumber.say("start");
        byNumber.say("2");
        assertThat(byNumber.lastTurn().language()).isEqualTo(Language.EN);

        var byLabel = person();
        byLabel.say("start");
        byLabel.say("francais");
        assertThat(byLabel.lastTurn().language()).isEqualTo(Language.FR);
        assertThat(byLabel.lastText()).contains(ui(Language.FR, "menu.title"));
    }

    @Test
    void skipsTheLanguageQuestionWhenTheFirstMessageNamesALanguage() {
        var she = person();
        var replies = she.say("English");
        assertThat(replies.get(0).text()).contains(ui(Language.EN, "welcome"));
        assertThat(she.lastText()).contains(ui(Language.EN, "menu.title"));
    }

    @Test
    void followsTheMenuByKeyNumberAndLabel() {
        var she = person();
        she.say("hello");
        she.say("lang:en");

        she.say("1");
        assertThat(she.lastText()).isEqualTo(ui(Language.EN, "topics.title"));
        assertThat(she.optionKeys()).contains("topic:complaint", "topic:residence_permit", "topic:legal_status");

        she.say("menu");
        she.say(ui(Language.EN, "menu.topics").toUpperCase());
        assertThat(she.lastText()).isEqualTo(ui(Language.EN, "topics.title"));

        she.say("topics");
        assertThat(she.lastText()).isEqualTo(ui(Language.EN, "topics.title"));
    }

    @Test
    void showsATopicsFullTextWithItsNextSteps() {
        var she = person();
        she.say("hello");
        she.say("lang:en");
        she.say("topics");
        var complaint = content.topic("complaint").orElseThrow().in(Language.EN).orElseThrow();
        she.say(complaint.title());

        assertThat(she.lastText()).startsWith(content.resolve(complaint.text(), Language.EN).strip())
                .endsWith(ui(Language.EN, "topic.sources") + " "
                        + String.join("; ", content.topic("complaint").orElseThrow().sources()));
        var expected = content.topic("complaint").orElseThrow().next().stream().map(id -> switch (id) {
            case "book_appointment" -> "book";
            case "talk_to_human" -> "human";
            case "menu" -> "menu";
            default -> "topic:" + id;
        }).toList();
        assertThat(she.optionKeys()).isEqualTo(expected).contains("book", "human", "menu");
        assertThat(she.options()).extracting(Option::label).contains(ui(Language.EN, "action.menu"));
    }

    @Test
    void answersEveryTopicInEveryLanguageOnTheWebAndBySms() {
        for (var language : content.languages()) {
            var web = person();
            var sms = new RecordingChannel(engine, Channel.SMS, CLOCK);
            for (var she : java.util.List.of(web, sms)) {
                she.say("hello");
                she.say("lang:" + language.code());
                assertThat(she.lastTurn().language()).isEqualTo(language);
                assertThat(she.lastText()).contains(ui(language, "menu.title"));
            }
            for (var topic : content.topics()) {
                var text = topic.in(language).orElseThrow();
                web.say("topic:" + topic.id());
                assertThat(web.lastText()).as(topic.id() + " " + language)
                        .startsWith(content.resolve(text.text(), language).strip());
                sms.say("topic:" + topic.id());
                assertThat(sms.lastText()).as(topic.id() + " sms " + language)
                        .isEqualTo(content.resolve(text.sms(), language).strip());
            }
        }
    }

    @Test
    void answersAnSmsWithTheShortText() {
        var she = new RecordingChannel(engine, Channel.SMS, CLOCK);
        she.say("bonjour");
        she.say("1");
        she.say("topic:legal_status");
        var legal = content.topic("legal_status").orElseThrow().in(Language.FR).orElseThrow();
        assertThat(she.lastText()).isEqualTo(content.resolve(legal.sms(), Language.FR).strip());
    }

    @Test
    void asksBackWithTheClosestTopicsThenOffersAMediatorAfterTwoMisses() {
        var she = person();
        she.say("start");
        she.say("lang:en");

        she.say("blablabla qwerty");
        assertThat(she.lastText()).isIn(ui(Language.EN, "unknown.closest"),
                ui(Language.EN, "unknown") + "\n" + ui(Language.EN, "menu.hint"));
        assertThat(she.optionKeys()).endsWith("menu").hasSizeBetween(1, 4);

        she.say("zzzz wwww");
        assertThat(she.lastText()).isEqualTo(ui(Language.EN, "unknown.mediator"));
        assertThat(she.optionKeys()).startsWith("human").endsWith("menu");
        she.say("1");
        assertThat(she.lastText()).contains(ui(Language.EN, "handoff.requested"));
    }

    @Test
    void picksTheClosestTopicByNumberAfterAskingBack() {
        var she = person();
        she.say("start");
        she.say("lang:en");
        she.say("qwxz plok");
        var first = she.optionKeys().get(0);
        she.say("1");
        if (first.startsWith("topic:")) {
            var topic = content.topic(first.substring(6)).orElseThrow();
            assertThat(she.lastText()).startsWith(content.resolve(topic.in(Language.EN).orElseThrow().text(),
                    Language.EN).strip());
        }
    }

    @Test
    void repeatsTheLanguageChoiceUntilOneIsChosen() {
        var she = person();
        she.say("start");
        she.say("???");
        assertThat(she.optionKeys()).isEqualTo(languageKeys());
    }

    @Test
    void showsTheLanguageListWhenSheWritesTheWordLanguage() {
        for (var word : java.util.List.of("langue", "Language", "idioma", "limba", "език", "اللغة", "语言")) {
            var she = person();
            she.say("bonjour");
            she.say("topic:complaint");
            she.say(word);
            assertThat(she.optionKeys()).as(word).isEqualTo(languageKeys());
        }
    }

    @Test
    void asksForTextWhenAMessageHasNone() {
        var she = new RecordingChannel(engine, Channel.TELEGRAM, CLOCK);
        she.say("bonjour");
        she.say("topic:complaint");
        var options = she.optionKeys();
        she.say("");
        assertThat(she.lastText()).isEqualTo(ui(Language.FR, "media.unsupported"));
        assertThat(she.optionKeys()).isEqualTo(options);
    }

    @Test
    void bringsTheMenuBackWithHelpInHerLanguage() {
        for (var word : java.util.List.of("aide", "HELP", "ayuda", "ajutor", "помощ", "帮助")) {
            var she = person();
            she.say("bonjour");
            she.say("topic:complaint");
            she.say(word);
            assertThat(she.lastText()).as(word).isEqualTo(ui(Language.FR, "menu.title"));
        }
    }

    @Test
    void bringsTheMenuBackWithZeroFromAnywhere() {
        var she = person();
        she.say("bonjour");
        she.say("lang:fr");
        she.say("topic:complaint");
        she.say("0");
        assertThat(she.lastText()).isEqualTo(ui(Language.FR, "menu.title"));
    }

    @Test
    void acceptsOldButtonsAndOddUnicode() {
        var she = person();
        she.say("bonjour");
        she.say("\u200Blang:fr\u200B");
        assertThat(she.lastTurn().language()).isEqualTo(Language.FR);
        she.say("\u200F١\u200F");
        assertThat(she.lastText()).isEqualTo(ui(Language.FR, "topics.title"));
        she.say("topic:emergency");
        assertThat(she.lastText()).contains("17", "112", "114");
        she.say("lang:en");
        assertThat(she.lastTurn().language()).isEqualTo(Language.EN);
    }

    @Test
    void shortensAHugeMessageInsteadOfFailing() {
        var she = person();
        she.say("x".repeat(100_000));
        assertThat(she.optionKeys()).isNotEmpty();
    }

    @Test
    void queuesAPersonWhoAsksForAMediatorOnce() {
        var she = person();
        she.say("hello");
        she.say("lang:en");
        she.say("human");
        assertThat(she.lastText()).contains(ui(Language.EN, "handoff.requested"));
        she.say("human");
        assertThat(she.lastText()).contains(ui(Language.EN, "handoff.waiting"));

        var conversationId = she.lastTurn().conversationId();
        var queue = new HandoffQueue(store, EngineSettings.defaults().retention(), CLOCK);
        assertThat(queue.waiting()).filteredOn(r -> r.conversationId().equals(conversationId))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.language()).isEqualTo(Language.EN);
                    assertThat(r.channel()).isEqualTo(Channel.WEBCHAT);
                });
    }

    @Test
    void erasesEverythingOnlyAfterConfirmation() {
        var she = person();
        she.say("hello");
        she.say("lang:en");
        she.say("human");
        var conversationId = she.lastTurn().conversationId();

        she.say("erase");
        assertThat(she.lastText()).isEqualTo(ui(Language.EN, "erase.confirm"));
        assertThat(she.optionKeys()).containsExactly("erase:yes", "erase:no");
        she.say("2");
        assertThat(she.lastText()).contains(ui(Language.EN, "erase.cancelled"));
        assertThat(engine.knows(Channel.WEBCHAT, she.address())).isTrue();

        she.say("Effacer tout");
        she.say("1");
        assertThat(she.lastText()).isEqualTo(ui(Language.EN, "erase.done"));
        assertThat(engine.knows(Channel.WEBCHAT, she.address())).isFalse();
        var queue = new HandoffQueue(store, EngineSettings.defaults().retention(), CLOCK);
        assertThat(queue.isWaiting(conversationId)).isFalse();
        java.util.Set<String> left = store.call(jedis -> jedis.keys(store.prefix() + "*" + conversationId));
        assertThat(left).allMatch(key -> key.contains("flood:"));

        she.say("start");
        assertThat(she.optionKeys()).isEqualTo(languageKeys());
    }

    @Test
    void understandsEraseInEveryScript() {
        for (var word : java.util.List.of("изтрий", "Șterge", "sterge tot", "删除", "احذف", "BORRAR")) {
            var she = person();
            she.say("bonjour");
            she.say(word);
            assertThat(she.lastText()).as(word).isEqualTo(ui(Language.FR, "erase.confirm"));
        }
    }

    @Test
    void neverErasesOnAnOldConfirmationButtonAlone() {
        var she = person();
        she.say("bonjour");
        she.say("lang:fr");
        she.say("erase:yes");
        assertThat(she.lastText()).isEqualTo(ui(Language.FR, "erase.confirm"));
        assertThat(engine.knows(Channel.WEBCHAT, she.address())).isTrue();
    }

    @Test
    void keepsNoAddressInAnyRedisKey() {
        var she = new RecordingChannel(engine, Channel.SMS, "+33698765432", CLOCK);
        she.say("bonjour");
        she.say("human");
        var keys = store.call(jedis -> jedis.keys(store.prefix() + "*"));
        assertThat(keys).isNotEmpty().noneMatch(k -> k.contains("98765432"));
    }
}

package org.passerelle.content.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;
import org.passerelle.content.ReviewStatus;
import org.passerelle.content.Topic;
import org.passerelle.content.TopicKind;
import org.passerelle.content.TopicText;
import org.passerelle.content.UiKeys;
import org.passerelle.content.sms.SmsSegments;

/** The content shipped in the jar: complete in French and English, short enough for SMS, sound. */
class ShippedContentTests {

    private static final List<Language> SHIPPED = List.of(Language.FR, Language.EN);
    private static final int MIN_PHRASES = 15;
    private static final int TELEGRAM_LIMIT = 4096;

    private static ContentCatalog catalog;

    @BeforeAll
    static void load() {
        catalog = ContentLoader.fromClasspath();
    }

    @Test
    void listsTheTopicsInMenuOrder() {
        // Every topic and action intent of the topic list, information first.
        assertThat(catalog.topics()).extracting(Topic::id).containsExactly(
                "emergency", "complaint", "residence_permit", "exit_programme", "protection", "lawyer",
                "compensation", "health", "shelter", "minors", "asylum", "legal_status", "peer_support",
                "book_appointment", "my_appointments", "talk_to_human", "change_language", "erase", "menu",
                "greeting", "thanks");
        assertThat(catalog.topics(TopicKind.ACTION)).extracting(Topic::id).containsExactly("book_appointment",
                "my_appointments", "talk_to_human", "change_language", "erase", "menu", "greeting", "thanks");
    }

    @Test
    void offersEveryLanguageFrenchFirst() {
        assertThat(catalog.languages()).containsExactly(Language.values());
    }

    @Test
    void everyTopicHasFrenchAndEnglishWithEveryField() {
        for (var topic : catalog.topics()) {
            assertThat(topic.sources()).as(topic.id() + " sources").isNotEmpty();
            assertThat(topic.reviewed()).as(topic.id() + " reviewed").isNotNull();
            for (var language : SHIPPED) {
                var where = topic.id() + " in " + language.code();
                assertThat(topic.in(language)).as(where).isPresent();
                var text = topic.in(language).orElseThrow();
                assertThat(List.of(text.title(), text.text(), text.sms())).as(where).allMatch(s -> !s.isBlank());
                assertThat(text.phrases()).as(where + " phrases").hasSizeGreaterThanOrEqualTo(MIN_PHRASES)
                        .doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void nothingIsMarkedReviewedBeforeTheAssociationReviewsIt() {
        for (var topic : catalog.topics()) {
            assertThat(topic.in(Language.FR)).map(TopicText::status).as(topic.id()).contains(ReviewStatus.DRAFT);
            assertThat(topic.in(Language.EN)).map(TopicText::status).as(topic.id())
                    .contains(ReviewStatus.NEEDS_REVIEW);
        }
    }

    @Test
    void everySmsFitsInTwoGsmSegmentsOnceResolved() {
        for (var topic : catalog.topics()) {
            for (var language : SHIPPED) {
                var sms = catalog.resolve(topic.in(language).orElseThrow().sms(), language);
                var where = topic.id() + " sms in " + language.code();
                assertThat(SmsSegments.nonGsm7Characters(sms)).as(where + " characters outside GSM-7").isEmpty();
                assertThat(sms.length()).as(where).isLessThanOrEqualTo(300);
                assertThat(SmsSegments.count(sms).segments()).as(where).isLessThanOrEqualTo(2);
            }
        }
    }

    @Test
    void everyFullTextFitsInOneTelegramMessage() {
        for (var topic : catalog.topics()) {
            for (var language : SHIPPED) {
                var text = catalog.resolve(topic.in(language).orElseThrow().text(), language);
                assertThat(text.length()).as(topic.id() + " in " + language.code())
                        .isLessThanOrEqualTo(TELEGRAM_LIMIT);
                assertThat(text).as(topic.id() + " in " + language.code()).doesNotContain("{service:");
            }
        }
    }

    @Test
    void informationTopicsOfferAMediatorAndTheMenu() {
        for (var topic : catalog.topics(TopicKind.INFORMATION)) {
            assertThat(topic.next()).as(topic.id()).contains("talk_to_human", "menu");
        }
        assertThat(catalog.topic("book_appointment")).map(Topic::next)
                .contains(List.of("talk_to_human", "menu"));
    }

    @Test
    void everyUiKeyIsWrittenInFrenchAndEnglish() {
        for (var language : SHIPPED) {
            assertThat(catalog.uiStrings(language).keySet()).as(language.code())
                    .containsExactlyInAnyOrderElementsOf(UiKeys.ALL);
        }
        assertThat(catalog.ui(Language.FR, UiKeys.LANGUAGE_NAME)).isEqualTo(Language.FR.nativeName());
        assertThat(catalog.ui(Language.EN, UiKeys.LANGUAGE_NAME)).isEqualTo(Language.EN.nativeName());
    }

    @Test
    void buttonLabelsAreShort() {
        for (var language : SHIPPED) {
            catalog.uiStrings(language).forEach((key, label) -> {
                if (key.startsWith("action.") || key.startsWith("chat.") || key.equals(UiKeys.MENU_TOPICS)) {
                    assertThat(label.length()).as(language.code() + " " + key).isLessThanOrEqualTo(30);
                }
            });
        }
    }

    @Test
    void uiStringsSentBySmsStayInGsm7() {
        // the language's own name may need other letters (Français); web-only labels are not sent by SMS
        var exempt = Set.of(UiKeys.LANGUAGE_NAME, UiKeys.LANGUAGE_CHANGED, UiKeys.LANGUAGE_SWITCH,
                UiKeys.ACTION_LANGUAGE_YES,
                UiKeys.CHAT_PLACEHOLDER, UiKeys.CHAT_SEND, UiKeys.CHAT_EXIT);
        for (var language : SHIPPED) {
            catalog.uiStrings(language).forEach((key, text) -> {
                if (!exempt.contains(key)) {
                    assertThat(SmsSegments.nonGsm7Characters(text)).as(language.code() + " " + key).isEmpty();
                }
            });
        }
    }

    @Test
    void emergencyStringsGiveTheNumbersOnTheirOwn() {
        for (var language : SHIPPED) {
            for (var key : List.of(UiKeys.EMERGENCY_SHORT, UiKeys.HANDOFF_REQUESTED, UiKeys.ERROR_UNAVAILABLE)) {
                assertThat(catalog.ui(language, key)).as(language.code() + " " + key)
                        .contains("17", "112", "114");
            }
        }
    }

    @Test
    void directoryHoldsTheHelpNumbers() {
        assertThat(catalog.directoryEntry("number.police").flatMap(e -> e.value(Language.EN))).contains("17");
        assertThat(catalog.directoryEntry("number.emergency").flatMap(e -> e.value(Language.EN))).contains("112");
        assertThat(catalog.directoryEntry("number.sms").flatMap(e -> e.value(Language.EN))).contains("114");
        assertThat(catalog.directoryEntry("number.shelter").flatMap(e -> e.value(Language.EN))).contains("115");
        assertThat(catalog.directoryEntry("number.child").flatMap(e -> e.value(Language.EN))).contains("119");
        assertThat(catalog.directoryEntry("number.women").flatMap(e -> e.value(Language.EN))).contains("3919");
    }

    @Test
    void keepsUnconfirmedPlacesAndHoursOutOfTheAnswers() {
        for (var key : List.of("pad18.address", "pad18.hours", "bus.schedule")) {
            assertThat(catalog.directoryEntry(key)).as(key).hasValueSatisfying(e -> assertThat(e.confirmed()).isFalse());
        }
    }

    @Test
    void resolveReplacesReferencesByTheirValue() {
        assertThat(catalog.resolve("Call {service:number.police} or {service:number.emergency}.", Language.EN))
                .isEqualTo("Call 17 or 112.");
    }

    @Test
    void resolveShowsTheUnconfirmedWordsInPlaceOfAnUnconfirmedEntry() {
        assertThat(catalog.resolve("Adresse : {service:pad18.address}.", Language.FR))
                .isEqualTo("Adresse : " + catalog.ui(Language.FR, UiKeys.DIRECTORY_UNCONFIRMED) + ".");
        assertThat(catalog.resolve("Address: {service:pad18.address}.", Language.EN))
                .isEqualTo("Address: ask a mediator.");
    }
}

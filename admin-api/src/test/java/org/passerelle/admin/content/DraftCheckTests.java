package org.passerelle.admin.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.content.Language;
import org.passerelle.content.TopicText;
import org.passerelle.content.validate.ContentValidator;

class DraftCheckTests {

    private static final String TOPIC = "shelter";
    private final DraftCheck check = new DraftCheck(ContentValidator.forEveryLanguage());

    private List<DraftCheck.Problem> check(Language language, TopicText draft) {
        var catalog = ContentFixtures.SHIPPED;
        return check.check(catalog, catalog.topic(TOPIC).orElseThrow(), language, draft);
    }

    private static TopicText edit(Language language, String title, String text, String sms) {
        var shipped = ContentFixtures.text(TOPIC, language);
        return new TopicText(shipped.status(), title == null ? shipped.title() : title,
                text == null ? shipped.text() : text, sms == null ? shipped.sms() : sms, shipped.phrases());
    }

    @Test
    void acceptsTheShippedTextOfEveryLanguage() {
        for (var language : Language.values()) {
            assertThat(check(language, ContentFixtures.text(TOPIC, language))).as(language.code()).isEmpty();
        }
    }

    @Test
    void asksForEachEmptyField() {
        assertThat(check(Language.EN, edit(Language.EN, " ", "", "")))
                .extracting(DraftCheck.Problem::field, DraftCheck.Problem::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("title", "content.error.required"),
                        org.assertj.core.groups.Tuple.tuple("text", "content.error.required"),
                        org.assertj.core.groups.Tuple.tuple("sms", "content.error.required"));
    }

    @Test
    void namesAReferenceMissingFromTheDirectoryAndABadlyWrittenOne() {
        var problems = check(Language.FR, edit(Language.FR, null, "Allez au {service:nulle.part}.",
                "Appelez le {service:Number.Shelter}."));
        assertThat(problems).containsExactly(
                new DraftCheck.Problem("text", "content.error.unknownReference", List.of("{service:nulle.part}")),
                new DraftCheck.Problem("sms", "content.error.malformedReference", List.of()));
    }

    @Test
    void refusesAnSmsTextOverTwoSegmentsOnceReferencesAreResolved() {
        // 266 characters fit in two segments of GSM-7; one ê more makes it UCS-2, in four segments of 67.
        var gsm = "Appelez le {service:number.shelter}. " + "a".repeat(250);
        assertThat(check(Language.FR, edit(Language.FR, null, null, gsm))).isEmpty();
        assertThat(check(Language.FR, edit(Language.FR, null, null, gsm + "ê")))
                .containsExactly(new DraftCheck.Problem("sms", "content.error.smsSegments", List.of(4, "UCS-2", 2)));
    }

    @Test
    void refusesAFullTextLongerThanOneTelegramMessage() {
        var problems = check(Language.EN, edit(Language.EN, null, "a".repeat(4097), null));
        assertThat(problems).containsExactly(new DraftCheck.Problem("text", "content.error.textLength",
                List.of(4097, ContentValidator.MAX_TEXT_LENGTH)));
    }

    @Test
    void reportsThePhraseRulesOfThePublishCheck() {
        var shipped = ContentFixtures.text(TOPIC, Language.ES);
        var phrases = new java.util.ArrayList<>(shipped.phrases());
        phrases.add(phrases.get(0).toUpperCase(java.util.Locale.ROOT));
        var twice = check(Language.ES, new TopicText(shipped.status(), shipped.title(), shipped.text(), shipped.sms(),
                phrases));
        assertThat(twice).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("phrases");
            assertThat(problem.args().get(0).toString()).contains("written twice");
        });
        var few = check(Language.ES, new TopicText(shipped.status(), shipped.title(), shipped.text(), shipped.sms(),
                shipped.phrases().subList(0, 2)));
        assertThat(few).extracting(p -> p.args().get(0).toString()).containsExactly("2 phrases, at least 15");
    }

    @Test
    void reportsAPhraseThatAnotherTopicAlreadyHasWhicheverComesFirstInTheMenu() {
        var catalog = ContentFixtures.SHIPPED;
        var first = catalog.topics().get(0);
        var later = catalog.topics().get(catalog.topics().size() - 1);
        var borrowed = later.in(Language.EN).orElseThrow().phrases().get(0);
        var own = first.in(Language.EN).orElseThrow();
        var phrases = new java.util.ArrayList<>(own.phrases());
        phrases.add(borrowed);
        var problems = check.check(catalog, first, Language.EN,
                new TopicText(own.status(), own.title(), own.text(), own.sms(), phrases));
        assertThat(problems).singleElement().satisfies(problem -> assertThat(problem.args().get(0).toString())
                .isEqualTo("\"" + borrowed + "\" is also a phrase of " + later.id()));
    }
}

package org.passerelle.content.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.passerelle.content.Language.EN;
import static org.passerelle.content.Language.FR;
import static org.passerelle.content.Language.RO;
import static org.passerelle.content.validate.TestCatalog.catalog;
import static org.passerelle.content.validate.TestCatalog.change;
import static org.passerelle.content.validate.TestCatalog.topic;
import static org.passerelle.content.validate.TestCatalog.twoTopics;
import static org.passerelle.content.validate.TestCatalog.valid;
import static org.passerelle.content.validate.TestCatalog.withNext;
import static org.passerelle.content.validate.TestCatalog.withText;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.ContentInvalidException;
import org.passerelle.content.DirectoryEntry;
import org.passerelle.content.Language;
import org.passerelle.content.Topic;
import org.passerelle.content.UiKeys;

class ContentValidatorTests {

    private static final Set<Language> FR_EN = EnumSet.of(FR, EN);
    private static final String HOURS_REFERENCE = "{service:pad18.hours}";
    private static final String ADDRESS_REFERENCE = "{service:pad18.address}";

    private final ContentValidator validator = new ContentValidator(FR_EN);

    @Test
    void findsNothingWrongWithAValidCatalog() {
        var catalog = valid(FR, EN);

        assertThat(validator.check(catalog)).isEmpty();
        assertThat(validator.requireValid(catalog)).isSameAs(catalog);
    }

    @Test
    void reportsARequiredLanguageMissingForATopic() {
        var catalog = catalog(List.of(topic("alpha", FR, EN), topic("beta", FR)), FR, EN);

        assertThat(validator.check(catalog)).containsExactly(new ContentProblem("beta", "en", null, "missing"));
    }

    @Test
    void requiresOnlyTheLanguagesItIsGiven() {
        var frenchOnly = catalog(List.of(topic("alpha", FR), topic("beta", FR)), FR);

        assertThat(new ContentValidator(EnumSet.of(FR)).check(frenchOnly)).isEmpty();
        assertThat(validator.check(frenchOnly)).contains(
                new ContentProblem("alpha", "en", null, "missing"),
                new ContentProblem(ContentProblem.UI, "en", UiKeys.WELCOME, "missing"));
    }

    @Test
    void checksALanguageTheCatalogOffersEvenWhenItIsNotRequired() {
        var catalog = withText(valid(FR, EN), EN, text -> TestCatalog.title(text, " "));

        assertThat(new ContentValidator(EnumSet.of(FR)).check(catalog))
                .containsExactly(new ContentProblem("alpha", "en", "title", "empty"));
    }

    @Test
    void leavesATranslationUnderWayUncheckedUntilItIsRequiredOrOffered() {
        var draft = change(topic("alpha", FR, EN, RO), RO, text -> TestCatalog.phrases(text, List.of("o intrebare")));
        var catalog = catalog(List.of(draft, topic("beta", FR, EN)), FR, EN);

        assertThat(validator.check(catalog)).isEmpty();
    }

    @Test
    void reportsAnEmptyTitle() {
        var catalog = withText(valid(FR, EN), FR, text -> TestCatalog.title(text, "  "));

        assertThat(validator.check(catalog)).containsExactly(new ContentProblem("alpha", "fr", "title", "empty"));
    }

    @Test
    void reportsAnEmptyFullText() {
        var catalog = withText(valid(FR, EN), FR, text -> TestCatalog.fullText(text, ""));

        assertThat(validator.check(catalog)).containsExactly(new ContentProblem("alpha", "fr", "text", "empty"));
    }

    @Test
    void reportsAnEmptySmsText() {
        var catalog = withText(valid(FR, EN), EN, text -> TestCatalog.sms(text, "\n"));

        assertThat(validator.check(catalog)).containsExactly(new ContentProblem("alpha", "en", "sms", "empty"));
    }

    @Test
    void reportsAFullTextLongerThanOneTelegramMessageOnceResolved() {
        var written = "a".repeat(4096 - HOURS_REFERENCE.length()) + HOURS_REFERENCE;
        var catalog = withText(valid(FR, EN), FR, text -> TestCatalog.fullText(text, written));
        int resolved = 4096 - HOURS_REFERENCE.length() + TestCatalog.HOURS.length();

        assertThat(validator.check(catalog)).containsExactly(
                new ContentProblem("alpha", "fr", "text", resolved + " characters once resolved, at most 4096"));
    }

    @Test
    void acceptsAFullTextOfExactlyOneTelegramMessage() {
        var catalog = withText(valid(FR, EN), FR, text -> TestCatalog.fullText(text, "a".repeat(4096)));

        assertThat(validator.check(catalog)).isEmpty();
    }

    @Test
    void reportsAnSmsOverTwoSegmentsNamingTheCharacterThatForcesUcs2() {
        var sms = "Și " + "politia trebuie sa primeasca plangerea. ".repeat(4);
        var catalog = withText(valid(FR, EN, RO), RO, text -> TestCatalog.sms(text, sms));

        var problems = new ContentValidator(EnumSet.of(FR, EN, RO)).check(catalog);

        assertThat(problems).containsExactly(
                new ContentProblem("alpha", "ro", "sms", "3 segments (UCS-2 because of \"Ș\"), at most 2"));
        assertThat(problems.get(0).describe())
                .isEqualTo("alpha [ro] sms: 3 segments (UCS-2 because of \"Ș\"), at most 2");
    }

    @Test
    void namesAnInvisibleCharacterThatForcesUcs2ByItsCodePoint() {
        var sms = "Appelez le 17\u202F! " + "Vous pouvez porter plainte. ".repeat(5);
        var catalog = withText(valid(FR, EN), FR, text -> TestCatalog.sms(text, sms));

        assertThat(validator.check(catalog)).containsExactly(
                new ContentProblem("alpha", "fr", "sms", "3 segments (UCS-2 because of U+202F), at most 2"));
    }

    @Test
    void reportsAnSmsThatGrowsPastTwoSegmentsOnceResolved() {
        var sms = "a".repeat(280) + HOURS_REFERENCE;
        var catalog = withText(valid(FR, EN), EN, text -> TestCatalog.sms(text, sms));
        int septets = 280 + TestCatalog.HOURS.length();

        assertThat(validator.check(catalog)).containsExactly(
                new ContentProblem("alpha", "en", "sms", "3 segments (" + septets + " septets of GSM-7), at most 2"));
    }

    @Test
    void acceptsAnSmsOfTwoFullSegments() {
        var catalog = withText(valid(FR, EN), EN, text -> TestCatalog.sms(text, "a".repeat(306)));

        assertThat(validator.check(catalog)).isEmpty();
    }

    @Test
    void countsAnUnconfirmedEntryAsTheWordsThatSendHerToAMediator() {
        var fits = "a".repeat(306 - TestCatalog.UNCONFIRMED.length()) + ADDRESS_REFERENCE;
        var tooLong = "a" + fits;

        assertThat(validator.check(withText(valid(FR, EN), EN, text -> TestCatalog.sms(text, fits)))).isEmpty();
        assertThat(validator.check(withText(valid(FR, EN), EN, text -> TestCatalog.sms(text, tooLong))))
                .containsExactly(new ContentProblem("alpha", "en", "sms", "3 segments (307 septets of GSM-7), at most 2"));
    }

    @Test
    void reportsAReferenceToAnUnknownDirectoryKey() {
        var catalog = withText(valid(FR, EN), FR, text -> TestCatalog.fullText(text, "Call {service:number.polise}."));

        assertThat(validator.check(catalog)).containsExactly(new ContentProblem("alpha", "fr", "text",
                "unknown reference {service:number.polise} (not in the directory)"));
    }

    @Test
    void reportsAMalformedReference() {
        var catalog = withText(valid(FR, EN), FR, text -> TestCatalog.sms(text, "Call {service:Number Police}."));

        assertThat(validator.check(catalog)).containsExactly(new ContentProblem("alpha", "fr", "sms",
                "malformed reference (write {service:key} with a lower-case key)"));
    }

    @Test
    void reportsAnUnknownReferenceInAUiString() {
        var ui = TestCatalog.ui(FR, EN);
        var english = new HashMap<>(ui.get(EN));
        english.put(UiKeys.WELCOME, "Hello, we are at {service:nowhere}.");
        ui.put(EN, english);

        assertThat(validator.check(catalog(twoTopics(), ui))).containsExactly(new ContentProblem(
                ContentProblem.UI, "en", UiKeys.WELCOME, "unknown reference {service:nowhere} (not in the directory)"));
    }

    @Test
    void reportsATopicWithoutSources() {
        var alpha = topic("alpha", FR, EN);
        var unsourced = new Topic("alpha", alpha.kind(), List.of(), alpha.reviewed(), alpha.next(), alpha.languages());
        var catalog = catalog(List.of(unsourced, topic("beta", FR, EN)), FR, EN);

        assertThat(validator.check(catalog)).containsExactly(
                new ContentProblem("alpha", null, "sources", "none (at least one law article or official page)"));
    }

    @Test
    void reportsTooFewExamplePhrases() {
        var catalog = withText(valid(FR, EN), EN, text -> TestCatalog.phrases(text, text.phrases().subList(0, 14)));

        assertThat(validator.check(catalog)).containsExactly(
                new ContentProblem("alpha", "en", "phrases", "14 phrases, at least 15"));
    }

    @Test
    void takesTheFewestPhrasesFromItsConstructor() {
        var catalog = withText(valid(FR, EN), EN, text -> TestCatalog.phrases(text, text.phrases().subList(0, 2)));

        assertThat(new ContentValidator(FR_EN, List.of(), 2).check(catalog)).isEmpty();
    }

    @Test
    void reportsAPhraseWrittenTwiceIgnoringCaseAndSpaces() {
        var catalog = withText(valid(FR, EN), FR, text -> {
            var phrases = new ArrayList<>(text.phrases());
            phrases.add("  ALPHA   question 1 fr ");
            return TestCatalog.phrases(text, phrases);
        });

        assertThat(validator.check(catalog)).containsExactly(
                new ContentProblem("alpha", "fr", "phrases", "\"ALPHA   question 1 fr\" written twice"));
    }

    @Test
    void reportsAPhraseClaimedByTwoTopics() {
        var beta = change(topic("beta", FR, EN), FR, text -> {
            var phrases = new ArrayList<>(text.phrases());
            phrases.add("alpha question 3 fr");
            return TestCatalog.phrases(text, phrases);
        });
        var catalog = catalog(List.of(topic("alpha", FR, EN), beta), FR, EN);

        assertThat(validator.check(catalog)).containsExactly(
                new ContentProblem("beta", "fr", "phrases", "\"alpha question 3 fr\" is also a phrase of alpha"));
    }

    @Test
    void reportsANextEntryThatIsNeitherATopicNorAnAction() {
        var catalog = catalog(List.of(withNext("alpha", "beta", "call_mum", "menu"), topic("beta", FR, EN)), FR, EN);

        assertThat(validator.check(catalog)).containsExactly(new ContentProblem("alpha", null, "next",
                "unknown 'call_mum' (neither a topic nor one of menu, talk_to_human, book_appointment, change_language)"));
    }

    @Test
    void acceptsEveryActionWordAndEveryTopicAsNext() {
        var alpha = withNext("alpha", "menu", "talk_to_human", "book_appointment", "change_language", "beta");
        var catalog = catalog(List.of(alpha, topic("beta", FR, EN)), FR, EN);

        assertThat(validator.check(catalog)).isEmpty();
    }

    @Test
    void reportsAUiKeyMissingInARequiredLanguage() {
        var ui = TestCatalog.ui(FR, EN);
        var english = new HashMap<>(ui.get(EN));
        english.remove(UiKeys.MENU_HINT);
        ui.put(EN, english);

        assertThat(validator.check(catalog(twoTopics(), ui)))
                .containsExactly(new ContentProblem(ContentProblem.UI, "en", UiKeys.MENU_HINT, "missing"));
    }

    @Test
    void reportsAnEmptyUiString() {
        var ui = TestCatalog.ui(FR, EN);
        var french = new HashMap<>(ui.get(FR));
        french.put(UiKeys.ACTION_MENU, "");
        ui.put(FR, french);

        assertThat(validator.check(catalog(twoTopics(), ui)))
                .containsExactly(new ContentProblem(ContentProblem.UI, "fr", UiKeys.ACTION_MENU, "empty"));
    }

    @Test
    void reportsARequiredTopicThatIsMissing() {
        var required = new ContentValidator(FR_EN, List.of("alpha", "beta", "gamma"), ContentValidator.MIN_PHRASES);

        assertThat(required.check(valid(FR, EN)))
                .containsExactly(new ContentProblem("gamma", null, null, "missing (a required topic)"));
    }

    @Test
    void reportsAConfirmedDirectoryEntryWithoutAValue() {
        var directory = new HashMap<>(TestCatalog.directory());
        directory.put("number.women", new DirectoryEntry("number.women", null, Map.of(), true));
        directory.put("bus.schedule", new DirectoryEntry("bus.schedule", null, Map.of(EN, "Thursdays"), true));
        var catalog = new ContentCatalog(twoTopics(), TestCatalog.ui(FR, EN), directory);

        assertThat(validator.check(catalog)).containsExactly(
                new ContentProblem(ContentProblem.DIRECTORY, "fr", "bus.schedule", "confirmed but without a value"),
                new ContentProblem(ContentProblem.DIRECTORY, null, "number.women", "confirmed but without a value"));
    }

    @Test
    void refusesAnInvalidCatalogListingEveryProblemWithItsPlace() {
        var catalog = catalog(List.of(topic("alpha", FR, EN), topic("beta", FR)), FR, EN);
        var broken = withText(catalog, FR, text -> TestCatalog.title(text, ""));

        var failure = catchThrowableOfType(ContentInvalidException.class, () -> validator.requireValid(broken));

        assertThat(failure.problems()).containsExactly("alpha [fr] title: empty", "beta [en]: missing");
    }
}

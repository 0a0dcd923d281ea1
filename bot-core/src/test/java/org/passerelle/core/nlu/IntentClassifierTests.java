package org.passerelle.core.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;
import org.passerelle.content.load.ContentLoader;

class IntentClassifierTests {

    private static ContentCatalog content;
    private static IntentClassifier classifier;

    @BeforeAll
    static void train() {
        content = ContentLoader.fromClasspath();
        classifier = IntentClassifier.train(content);
    }

    private String intent(String text, Language language) {
        return classifier.classify(text, language).intentOrUnknown();
    }

    @Test
    void recognisesTopicsFromMessagesItWasNotTrainedOn() {
        assertThat(intent("comment je fais pour porter plainte contre lui", Language.FR)).isEqualTo("complaint");
        assertThat(intent("j ai pas de papier est ce que je peux rester en france", Language.FR))
                .isEqualTo("residence_permit");
        assertThat(intent("where can i sleep tonight i have no place", Language.EN)).isEqualTo("shelter");
        assertThat(intent("i need a free lawyer", Language.EN)).isEqualTo("lawyer");
        assertThat(intent("merciiii beaucoup", Language.FR)).isEqualTo("thanks");
        assertThat(intent("bjr", Language.FR)).isEqualTo("greeting");
    }

    @Test
    void readsMisspellingsAndSmsShortForms() {
        assertThat(intent("avocat gratuit stp", Language.FR)).isEqualTo("lawyer");
        assertThat(intent("docteur sans papiers", Language.FR)).isEqualTo("health");
        assertThat(intent("pls i wan talk to a real person", Language.EN)).isEqualTo("talk_to_human");
    }

    @Test
    void readsTheLanguageOfWordsThatOnlyOneLanguagesContentHolds() {
        assertThat(classifier.closestLanguage("alojamiento")).hasValueSatisfying(found -> {
            assertThat(found.language()).isEqualTo(Language.ES);
            assertThat(found.method()).isEqualTo(DetectedLanguage.Method.CONTENT);
            assertThat(found.strong()).isFalse();
        });
    }

    @Test
    void aWordSeveralLanguagesContentsShareGoesToThePriorOnlyWhenItIsOneOfThem() {
        // The shelter phrases of most languages keep the French "foyer".
        assertThat(classifier.closestLanguage("foyer")).isEmpty();
        assertThat(classifier.closestLanguage("foyer", Language.ES)).map(DetectedLanguage::language)
                .contains(Language.ES);
        assertThat(classifier.closestLanguage("zzkq xxwv", Language.FR)).isEmpty();
    }

    @Test
    void ranksEveryIntentAndRefusesToGuessOnNoise() {
        var prediction = classifier.classify("zzkq xxwv", Language.EN);
        assertThat(prediction.ranked()).hasSize(content.topics().size());
        assertThat(prediction.ranked().get(0).confidence())
                .isGreaterThanOrEqualTo(prediction.ranked().get(1).confidence());
        assertThat(prediction.best()).isEmpty();
        assertThat(prediction.intentOrUnknown()).isEqualTo(IntentPrediction.UNKNOWN);
    }

    @Test
    void answersNothingForEmptyTextOrALanguageWithoutAModel() {
        assertThat(classifier.classify("   ", Language.FR).ranked()).isEmpty();
        assertThat(classifier.languages()).contains(Language.FR, Language.EN);
    }

    @Test
    void splitsChineseIntoCharacters() {
        assertThat(Tokens.of("我想要律师")).containsExactly("我", "想", "要", "律", "师");
        assertThat(Tokens.of("J'ai besoin d'un RDV")).containsExactly("j", "ai", "besoin", "d", "un", "rendez", "vous");
    }
}

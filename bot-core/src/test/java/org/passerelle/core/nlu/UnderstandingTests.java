package org.passerelle.core.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;
import org.passerelle.content.load.ContentLoader;

class UnderstandingTests {

    private static ContentCatalog catalog;
    private static Understanding understanding;

    @BeforeAll
    static void train() {
        catalog = ContentLoader.fromClasspath();
        understanding = new Understanding(SafetyRules.shipped(), LanguageDetector.shipped(),
                new IntentModels(catalog, Runnable::run, IntentClassifier.DEFAULT_FLOOR));
    }

    @Test
    void readsAMessageThatFitsSeveralLanguagesInHerSessionsLanguage() {
        var understood = understanding.understand("salut", Language.RO, catalog);

        assertThat(understood.language()).isEqualTo(Language.RO);
        assertThat(understood.detected()).hasValueSatisfying(found -> {
            assertThat(found.language()).isEqualTo(Language.RO);
            assertThat(found.strong()).isFalse();
        });
    }

    @Test
    void givesATieToFrenchBeforeSheHasALanguage() {
        var understood = understanding.understand("salut", null, catalog);

        assertThat(understood.language()).isEqualTo(Language.FR);
        assertThat(understood.detected()).hasValueSatisfying(found -> assertThat(found.strong()).isFalse());
    }

    @Test
    void readsAMessageClearlyInAnotherLanguageInThatLanguage() {
        var understood = understanding.understand("necesito un abogado gratis por favor", Language.FR, catalog);

        assertThat(understood.language()).isEqualTo(Language.ES);
        assertThat(understood.detected()).hasValueSatisfying(found -> assertThat(found.strong()).isTrue());
        assertThat(understood.intentId()).isEqualTo("lawyer");
    }

    @Test
    void readsTheContentsOwnWordsBeforeFallingBackToFrench() {
        var understood = understanding.understand("alojamiento", null, catalog);

        assertThat(understood.language()).isEqualTo(Language.ES);
        assertThat(understood.detected()).hasValueSatisfying(found ->
                assertThat(found.method()).isEqualTo(DetectedLanguage.Method.CONTENT));
    }

    @Test
    void keepsHerLanguageWhenSheWritesOnlyFrenchPaperworkWords() {
        var understood = understanding.understand("titre de séjour", Language.ES, catalog);

        assertThat(understood.language()).isEqualTo(Language.ES);
        assertThat(understood.intentId()).isEqualTo("residence_permit");
    }

    @Test
    void readsTheLanguageAroundPaperworkWordsInAMixedMessage() {
        var understood = understanding.understand("como consigo o titre de sejour se eu denunciar", null, catalog);

        assertThat(understood.language()).isEqualTo(Language.PT);
    }
}

package org.passerelle.core.nlu.eval;

import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;
import org.passerelle.core.nlu.DetectedLanguage;
import org.passerelle.core.nlu.IntentClassifier;
import org.passerelle.core.nlu.IntentModels;
import org.passerelle.core.nlu.LanguageDetector;
import org.passerelle.core.nlu.SafetyRules;
import org.passerelle.core.nlu.Understanding;

/**
 * Passerelle's understanding step and the two peers it is compared with, each built once and
 * asked about every row: OpenNLP's language detector alone, and Lingua restricted to the eight
 * languages. No session and no chosen language: the message alone.
 */
final class Judges {

    private static final Map<com.github.pemistahl.lingua.api.Language, Language> LINGUA_LANGUAGES = linguaLanguages();

    private final ContentCatalog catalog;
    private final Understanding understanding;
    private final LanguageDetector detector;
    private final com.github.pemistahl.lingua.api.LanguageDetector lingua;

    Judges(ContentCatalog catalog) {
        this.catalog = catalog;
        this.detector = LanguageDetector.shipped();
        // A direct executor trains the intent models before the first row is scored.
        this.understanding = new Understanding(SafetyRules.shipped(), detector,
                new IntentModels(catalog, Runnable::run, IntentClassifier.DEFAULT_FLOOR));
        this.lingua = LanguageDetectorBuilder
                .fromLanguages(LINGUA_LANGUAGES.keySet().toArray(com.github.pemistahl.lingua.api.Language[]::new))
                .build();
    }

    Verdict judge(LabelledMessage message) {
        var text = message.text();
        var understood = understanding.understand(text, null, catalog);
        var intent = understood.intentId();
        return new Verdict(message,
                understood.detected().map(DetectedLanguage::language),
                detector.opennlpAlone(text),
                Optional.ofNullable(LINGUA_LANGUAGES.get(lingua.detectLanguageOf(text))),
                intent,
                understood.danger() || understood.minor());
    }

    private static Map<com.github.pemistahl.lingua.api.Language, Language> linguaLanguages() {
        var map = new EnumMap<com.github.pemistahl.lingua.api.Language, Language>(
                com.github.pemistahl.lingua.api.Language.class);
        map.put(com.github.pemistahl.lingua.api.Language.FRENCH, Language.FR);
        map.put(com.github.pemistahl.lingua.api.Language.ENGLISH, Language.EN);
        map.put(com.github.pemistahl.lingua.api.Language.SPANISH, Language.ES);
        map.put(com.github.pemistahl.lingua.api.Language.PORTUGUESE, Language.PT);
        map.put(com.github.pemistahl.lingua.api.Language.ROMANIAN, Language.RO);
        map.put(com.github.pemistahl.lingua.api.Language.BULGARIAN, Language.BG);
        map.put(com.github.pemistahl.lingua.api.Language.ARABIC, Language.AR);
        map.put(com.github.pemistahl.lingua.api.Language.CHINESE, Language.ZH);
        return Map.copyOf(map);
    }
}

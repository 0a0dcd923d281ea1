package org.passerelle.core.journal;

import java.util.function.Supplier;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;
import org.passerelle.content.UiKeys;
import org.passerelle.core.channel.OutageNotice;
import org.passerelle.core.nlu.LanguageDetector;

/**
 * The fixed text said while Redis is down: the content's {@code error.unavailable} string (that
 * Passerelle is back in a few minutes, and the emergency numbers), in the language the channel
 * gives or the message clearly shows, else in French then English. Read from the content held
 * in memory and detected in memory: it never waits for Redis. Thread-safe.
 */
public final class UnavailableNotice implements OutageNotice {

    private final Supplier<ContentCatalog> content;
    private final LanguageDetector detector;

    /**
     * @param content  the content held in memory (e.g. the last one read), never asking Redis
     * @param detector tells the language of a message
     */
    public UnavailableNotice(Supplier<ContentCatalog> content, LanguageDetector detector) {
        this.content = content;
        this.detector = detector;
    }

    @Override
    public String text(String written, String languageHint) {
        var catalog = content.get();
        var hinted = languageHint == null ? null : Language.fromCode(languageHint.split("[-_]", 2)[0]).orElse(null);
        if (hinted != null) {
            return catalog.ui(hinted, UiKeys.ERROR_UNAVAILABLE);
        }
        // A weak guess on a word or two may be wrong: then both languages every person is offered first.
        var detected = detector.detect(written).filter(found -> found.strong());
        if (detected.isPresent()) {
            return catalog.ui(detected.get().language(), UiKeys.ERROR_UNAVAILABLE);
        }
        return catalog.ui(Language.FR, UiKeys.ERROR_UNAVAILABLE) + "\n\n" + catalog.ui(Language.EN, UiKeys.ERROR_UNAVAILABLE);
    }
}

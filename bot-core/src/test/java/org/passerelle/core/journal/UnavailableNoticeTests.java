package org.passerelle.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;
import org.passerelle.content.UiKeys;
import org.passerelle.content.load.ContentLoader;
import org.passerelle.core.nlu.LanguageDetector;

/** The outage notice: in her language when it can be told, else in French then English. */
class UnavailableNoticeTests {

    private static final ContentCatalog CONTENT = ContentLoader.fromClasspath();
    private final UnavailableNotice notice = new UnavailableNotice(() -> CONTENT, LanguageDetector.shipped());

    private static String unavailable(Language language) {
        return CONTENT.ui(language, UiKeys.ERROR_UNAVAILABLE);
    }

    @Test
    void speaksTheLanguageTheChannelGives() {
        assertThat(notice.text("ok", "ro-RO")).isEqualTo(unavailable(Language.RO));
        assertThat(notice.text("ok", "pt_BR")).isEqualTo(unavailable(Language.PT));
    }

    @Test
    void speaksTheLanguageTheWritingShows() {
        assertThat(notice.text("Здравейте, имам нужда от помощ", null)).isEqualTo(unavailable(Language.BG));
        assertThat(notice.text("我需要帮助", null)).isEqualTo(unavailable(Language.ZH));
        assertThat(notice.text("مرحبا أحتاج مساعدة", null)).isEqualTo(unavailable(Language.AR));
    }

    @Test
    void speaksFrenchThenEnglishWhenTheLanguageCannotBeTold() {
        var both = unavailable(Language.FR) + "\n\n" + unavailable(Language.EN);
        assertThat(notice.text("ok", null)).isEqualTo(both);
        assertThat(notice.text("", "xx")).isEqualTo(both);
        assertThat(both).contains("112", "114");
    }
}

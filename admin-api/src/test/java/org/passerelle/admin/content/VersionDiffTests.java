package org.passerelle.admin.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.passerelle.content.DirectoryEntry;
import org.passerelle.content.Language;
import org.passerelle.content.ReviewStatus;
import org.passerelle.content.TopicText;

class VersionDiffTests {

    private static final String TOPIC = "shelter";

    @Test
    void findsNothingBetweenTwoCopiesOfTheSameContent() {
        assertThat(VersionDiff.compare(ContentFixtures.SHIPPED, ContentFixtures.withText(TOPIC, Language.EN,
                ContentFixtures.text(TOPIC, Language.EN)))).isEmpty();
    }

    @Test
    void namesTheTopicLanguageAndFieldOfEachChangeWithItsLines() {
        var en = ContentFixtures.text(TOPIC, Language.EN);
        var edited = new TopicText(ReviewStatus.STALE, en.title(), en.text() + "\nOne more line.", en.sms(),
                en.phrases());
        var changes = VersionDiff.compare(ContentFixtures.SHIPPED,
                ContentFixtures.withText(TOPIC, Language.EN, edited));
        assertThat(changes).extracting(c -> c.place() + "/" + c.language() + "/" + c.field())
                .containsExactlyElementsOf(en.status() == ReviewStatus.STALE
                        ? java.util.List.of(TOPIC + "/en/text")
                        : java.util.List.of(TOPIC + "/en/status", TOPIC + "/en/text"));
        var text = changes.get(changes.size() - 1);
        assertThat(text.rows()).last().isEqualTo(new LineDiff.Row(LineDiff.Kind.ADDED, null, "One more line."));
        assertThat(LineDiff.changed(text.rows())).isTrue();
    }

    @Test
    void listsThePhrasesOnePerLine() {
        var zh = ContentFixtures.text(TOPIC, Language.ZH);
        var phrases = new java.util.ArrayList<>(zh.phrases());
        phrases.set(0, "今晚我没地方睡觉了");
        var changes = VersionDiff.compare(ContentFixtures.SHIPPED, ContentFixtures.withText(TOPIC, Language.ZH,
                new TopicText(zh.status(), zh.title(), zh.text(), zh.sms(), phrases)));
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.field()).isEqualTo("phrases");
            assertThat(change.rows().get(0)).isEqualTo(
                    new LineDiff.Row(LineDiff.Kind.CHANGED, zh.phrases().get(0), "今晚我没地方睡觉了"));
            assertThat(change.rows().subList(1, change.rows().size()))
                    .allMatch(row -> row.kind() == LineDiff.Kind.SAME || row.kind() == LineDiff.Kind.FOLDED)
                    .anyMatch(row -> row.kind() == LineDiff.Kind.FOLDED);
        });
    }

    @Test
    void seesUiStringsByKeyAndDirectoryEntriesByKey() {
        var key = ContentFixtures.SHIPPED.uiStrings(Language.RO).keySet().iterator().next();
        var entry = new DirectoryEntry("test.place", null, Map.of(Language.FR, "12 rue Test"), false);
        var changes = VersionDiff.compare(ContentFixtures.SHIPPED,
                ContentFixtures.withUiAndDirectory(Language.RO, key, "Text nou", entry));
        assertThat(changes).extracting(c -> c.place() + "/" + c.language() + "/" + c.field())
                .containsExactly(VersionDiff.UI + "/ro/" + key, VersionDiff.DIRECTORY + "/null/test.place");
        assertThat(changes.get(1).rows()).extracting(LineDiff.Row::right)
                .containsExactly("fr: 12 rue Test", "confirmed: false");
    }
}

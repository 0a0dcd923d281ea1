package org.passerelle.content.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.passerelle.content.Language;
import org.passerelle.content.ReviewStatus;
import org.passerelle.content.Topic;
import org.passerelle.content.TopicKind;
import org.passerelle.content.TopicText;

class ContentWriterTests {

    @Test
    void writesEveryShippedTopicSoThatItReadsBackTheSame() {
        var shipped = ContentLoader.shippedFiles();
        var catalog = ContentLoader.fromFiles(shipped);
        var rewritten = new HashMap<>(shipped);
        catalog.topics().forEach(topic -> rewritten.put("topics/" + topic.id() + ".yaml", ContentWriter.topic(topic)));
        assertThat(ContentLoader.fromFiles(rewritten).topics()).isEqualTo(catalog.topics());
    }

    @Test
    void keepsOddTextsExactly() {
        var shipped = ContentLoader.shippedFiles();
        var catalog = ContentLoader.fromFiles(shipped);
        var complaint = catalog.topic("complaint").orElseThrow();
        var odd = new TopicText(ReviewStatus.REVIEWED, "Quote \" and \\ backslash: # not a comment",
                "  leading spaces\ntrailing space \n\ttab\n\u200Bzero width, ‏RTL mark, emoji 👋\n\nend\n",
                "- starts like a list item: {not a reference}", List.of("yes: no", "'single'", "a #tag", "ok"));
        var languages = new java.util.EnumMap<Language, TopicText>(Language.class);
        languages.putAll(complaint.languages());
        languages.put(Language.EN, odd);
        var topic = new Topic(complaint.id(), TopicKind.INFORMATION, complaint.sources(), LocalDate.of(2026, 11, 28),
                complaint.next(), languages);
        var files = new HashMap<>(shipped);
        files.put("topics/complaint.yaml", ContentWriter.topic(topic));
        var read = ContentLoader.fromFiles(files).topic("complaint").orElseThrow().in(Language.EN).orElseThrow();
        // The loader trims the ends of a text; everything inside survives.
        assertThat(read.text()).isEqualTo(odd.text().strip());
        assertThat(read.title()).isEqualTo(odd.title());
        assertThat(read.sms()).isEqualTo(odd.sms());
        assertThat(read.phrases()).isEqualTo(odd.phrases());
        assertThat(read.status()).isEqualTo(ReviewStatus.REVIEWED);
    }

    @Test
    void readsFilesHeldInMemory() {
        Map<String, String> files = ContentLoader.shippedFiles();
        assertThat(files).containsKeys("catalog.yaml", "directory.yaml", "ui/fr.yaml", "topics/complaint.yaml");
        assertThat(ContentLoader.fromFiles(files).topics()).isEqualTo(ContentLoader.fromClasspath().topics());
    }
}

package org.passerelle.content.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.content.Language;
import org.passerelle.content.ReviewStatus;
import org.passerelle.content.Topic;
import org.passerelle.content.TopicKind;
import org.passerelle.content.TopicText;

/** Loading topics and the catalog from a folder, and what is reported when they are wrong. */
class ContentLoaderTests {

    @TempDir
    Path root;

    private ContentFixture content;

    @BeforeEach
    void writeValidContent() {
        content = new ContentFixture(root);
    }

    @Test
    void readsTopicsInCatalogOrderWithEveryField() {
        var catalog = content.load();

        assertThat(catalog.topics()).extracting(Topic::id).containsExactly("alpha", "beta");
        var alpha = catalog.topic("alpha").orElseThrow();
        assertThat(alpha.kind()).isEqualTo(TopicKind.INFORMATION);
        assertThat(alpha.reviewed()).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(alpha.next()).containsExactly("beta", "talk_to_human", "menu");
        assertThat(alpha.sources()).containsExactly("Code pénal, art. 611-1");
        assertThat(alpha.in(Language.FR)).map(TopicText::status).contains(ReviewStatus.DRAFT);
        assertThat(alpha.in(Language.EN)).map(TopicText::sms).contains("Call {service:number.police}.");
        assertThat(alpha.in(Language.FR).orElseThrow().text()).startsWith("Appelez").doesNotEndWith("\n");
        assertThat(catalog.topic("beta")).map(Topic::kind).contains(TopicKind.ACTION);
    }

    @Test
    void reportsAMissingFieldWithItsFileAndPath() {
        content.edit("topics/alpha.yaml", "    sms: \"Call {service:number.police}.\"\n", "");

        assertThat(content.problems()).containsExactly("topics/alpha.yaml: languages.en.sms: missing");
    }

    @Test
    void reportsAnEmptyField() {
        content.edit("topics/alpha.yaml", "title: \"Title\"", "title: \"  \"");

        assertThat(content.problems()).containsExactly("topics/alpha.yaml: languages.en.title: empty");
    }

    @Test
    void reportsAnIdThatDiffersFromTheFileName() {
        content.edit("topics/alpha.yaml", "id: alpha", "id: alfa");

        assertThat(content.problems()).containsExactly(
                "topics/alpha.yaml: id: 'alfa' differs from the file name 'alpha'");
    }

    @Test
    void reportsAReferenceToAKeyMissingFromTheDirectory() {
        content.edit("topics/alpha.yaml", "Call {service:number.police}.\"\n    sms",
                "Call {service:number.polise}.\"\n    sms");

        assertThat(content.problems()).singleElement().asString()
                .startsWith("topics/alpha.yaml: languages.en.text: unknown directory reference {service:number.polise}");
    }

    @Test
    void reportsAReferenceThatIsNotWellFormed() {
        content.edit("topics/alpha.yaml", "sms: \"Appelez le {service:number.police}.\"",
                "sms: \"Appelez le {service:Number Police}.\"");

        assertThat(content.problems()).singleElement().asString()
                .startsWith("topics/alpha.yaml: languages.fr.sms: malformed directory reference");
    }

    @Test
    void reportsALanguageThatIsNotSpoken() {
        content.edit("topics/alpha.yaml", "  en:\n", "  de:\n");

        assertThat(content.problems()).singleElement().asString()
                .startsWith("topics/alpha.yaml: languages.de: unknown language");
    }

    @Test
    void reportsATopicWithoutFrench() {
        content.edit("topics/alpha.yaml", "  fr:\n", "  es:\n");

        assertThat(content.problems()).containsExactly(
                "topics/alpha.yaml: languages.fr: missing (French is the source language)");
    }

    @Test
    void reportsANextEntryThatIsNeitherATopicNorAnAction() {
        content.edit("topics/alpha.yaml", "next: [beta, talk_to_human, menu]", "next: [beta, call_mum, menu]");

        assertThat(content.problems()).singleElement().asString()
                .startsWith("topics/alpha.yaml: next[1]: unknown 'call_mum'");
    }

    @Test
    void acceptsEveryActionWordAsNext() {
        content.edit("topics/beta.yaml", "next: [talk_to_human, menu]",
                "next: [menu, talk_to_human, book_appointment, change_language, alpha]");

        assertThat(content.load().topic("beta").orElseThrow().next()).hasSize(5);
    }

    @Test
    void reportsAnUnknownKindAndStatus() {
        content.edit("topics/alpha.yaml", "kind: information", "kind: info")
                .edit("topics/alpha.yaml", "status: draft", "status: done");

        assertThat(content.problems()).containsExactly(
                "topics/alpha.yaml: kind: unknown kind 'info' (information or action)",
                "topics/alpha.yaml: languages.fr.status: unknown status 'done' (draft, needs-review, reviewed or stale)");
    }

    @Test
    void reportsAFieldThatTheFormatDoesNotHave() {
        content.edit("topics/alpha.yaml", "reviewed: 2026-11-28", "reviewed: 2026-11-28\nreviewer: someone");

        assertThat(content.problems()).containsExactly("topics/alpha.yaml: reviewer: unknown field");
    }

    @Test
    void reportsADateThatIsNotADate() {
        content.edit("topics/alpha.yaml", "reviewed: 2026-11-28", "reviewed: last week");

        assertThat(content.problems()).containsExactly(
                "topics/alpha.yaml: reviewed: must be a date like 2026-11-28");
    }

    @Test
    void reportsEmptySourcesAndPhrases() {
        content.edit("topics/alpha.yaml", "sources: [\"Code pénal, art. 611-1\"]", "sources: []")
                .edit("topics/alpha.yaml", "phrases: [\"a question\", \"another one\"]", "phrases: []");

        assertThat(content.problems()).containsExactly(
                "topics/alpha.yaml: sources: must not be empty",
                "topics/alpha.yaml: languages.en.phrases: must not be empty");
    }

    @Test
    void reportsATopicOfTheCatalogWithoutAFile() {
        content.write("catalog.yaml", "topics: [alpha, beta, gamma]\n");

        assertThat(content.problems()).containsExactly("topics/gamma.yaml: missing");
    }

    @Test
    void reportsATopicFileMissingFromTheCatalog() {
        content.write("topics/gamma.yaml", ContentFixture.topic("gamma", "information", "[menu]"));

        assertThat(content.problems()).containsExactly("topics/gamma.yaml: not listed in catalog.yaml");
    }

    @Test
    void refusesCatalogIdsThatCouldLeaveTheFolder() {
        content.write("catalog.yaml", "topics: [alpha, beta, ../../etc/passwd]\n");

        assertThat(content.problems()).singleElement().asString()
                .startsWith("catalog.yaml: topics[2]: '../../etc/passwd' is not a topic id");
    }

    @Test
    void reportsATopicListedTwice() {
        content.write("catalog.yaml", "topics: [alpha, beta, alpha]\n");

        assertThat(content.problems()).containsExactly("catalog.yaml: topics[2]: 'alpha' listed twice");
    }

    @Test
    void reportsEveryProblemOfEveryFileAtOnce() {
        content.edit("topics/alpha.yaml", "id: alpha", "id: alfa")
                .edit("topics/beta.yaml", "next: [talk_to_human, menu]", "next: [nowhere]")
                .delete("directory.yaml");

        assertThat(content.problems()).contains(
                "directory.yaml: missing",
                "topics/alpha.yaml: id: 'alfa' differs from the file name 'alpha'")
                .anyMatch(problem -> problem.startsWith("topics/beta.yaml: next[0]: unknown 'nowhere'"))
                .anyMatch(problem -> problem.startsWith("topics/beta.yaml: languages.fr.text: unknown directory"));
    }

    @Test
    void keepsTheMenuOrderOfTheCatalog() {
        content.write("catalog.yaml", "topics: [beta, alpha]\n");

        assertThat(content.load().topics()).extracting(Topic::id).isEqualTo(List.of("beta", "alpha"));
    }
}

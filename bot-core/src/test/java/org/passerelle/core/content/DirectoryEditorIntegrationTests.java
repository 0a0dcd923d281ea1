package org.passerelle.core.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.content.ContentInvalidException;
import org.passerelle.content.DirectoryEntry;
import org.passerelle.content.Language;
import org.passerelle.content.TopicText;
import org.passerelle.content.load.ContentLoader;
import org.passerelle.content.validate.ContentValidator;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.content.DirectoryEntryException.Reason;
import org.passerelle.core.conversation.EngineSettings;
import org.passerelle.core.conversation.RecordingChannel;
import org.passerelle.core.conversation.TestEngines;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;

/** Directory drafts, their publish and rollback with the topics, and what the bot then says, on a real Redis. */
class DirectoryEditorIntegrationTests {

    private static final Map<String, String> SHIPPED = ContentLoader.shippedFiles();
    private static final Clock CLOCK = Clock.systemUTC();
    private static final String PHONE = "01 53 41 86 60";

    private final RedisStore store = TestRedis.newStore();
    private final ContentEditor content = new ContentEditor(store,
            ContentValidator.forEveryLanguage()::requireValid, CLOCK);
    private final DirectoryEditor directory = new DirectoryEditor(content, store, CLOCK);

    @BeforeEach
    void seed() {
        content.seedIfEmpty(SHIPPED);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static DirectoryEntry phone(String value) {
        return new DirectoryEntry("pad18.phone", value, Map.of(), true, "Téléphone du PAD du 18e");
    }

    private String lawyer(Language language) {
        var catalog = directory.catalog();
        return catalog.resolve(catalog.topic("lawyer").orElseThrow().in(language).orElseThrow().text(), language);
    }

    private DirectoryEntryException.Reason refusal(DirectoryEntry entry) {
        try {
            directory.saveDraft(entry, "admin");
        } catch (DirectoryEntryException e) {
            assertThat(directory.drafts()).isEmpty();
            return e.problems().get(0).reason();
        }
        throw new AssertionError("saved " + entry);
    }

    @Test
    void showsANewPhoneNumberInEveryLanguageOnlyOnceItIsPublished() {
        directory.saveDraft(phone(PHONE), "admin");
        assertThat(directory.drafts()).singleElement().satisfies(d -> {
            assertThat(d.key()).isEqualTo("pad18.phone");
            assertThat(d.author()).isEqualTo("admin");
        });
        assertThat(lawyer(Language.FR)).doesNotContain(PHONE).contains("Téléphone : demandez à une médiatrice");

        var version = content.publish(1, "admin", "numéro du PAD");

        assertThat(version.number()).isEqualTo(2);
        assertThat(directory.drafts()).isEmpty();
        for (var language : Language.values()) {
            assertThat(lawyer(language)).as(language.code()).contains(PHONE);
        }
        assertThat(directory.catalog().directoryEntry("pad18.phone").orElseThrow().note())
                .isEqualTo("Téléphone du PAD du 18e");
    }

    @Test
    void rollsTheDirectoryBackWithTheRestOfTheContent() {
        directory.saveDraft(phone(PHONE), "admin");
        content.publish(1, "admin", "numéro");
        content.rollback(2, 1, "admin", "mauvais numéro");
        assertThat(lawyer(Language.AR)).doesNotContain(PHONE);
        assertThat(directory.catalog().directoryEntry("pad18.phone").orElseThrow().confirmed()).isFalse();
    }

    @Test
    void keepsValuesPerLanguageAndFallsBackToFrench() {
        var hours = new DirectoryEntry("pad18.hours", null,
                Map.of(Language.FR, "le mardi de 14 h à 17 h", Language.AR, "الثلاثاء من 14 إلى 17"), true, "");
        directory.saveDraft(hours, "admin");
        content.publish(1, "admin", "horaires");

        assertThat(lawyer(Language.AR)).contains("الثلاثاء من 14 إلى 17");
        assertThat(lawyer(Language.EN)).contains("le mardi de 14 h à 17 h");
    }

    @Test
    void publishesANewEntryTogetherWithTheTopicThatUsesIt() {
        directory.saveDraft(new DirectoryEntry("pad18.email", "pad18@example.org", Map.of(), true, ""), "admin");
        var fr = directory.catalog().topic("lawyer").orElseThrow().in(Language.FR).orElseThrow();
        content.saveDraft("lawyer", Language.FR, new TopicText(fr.status(), fr.title(),
                fr.text() + "\nCourriel : {service:pad18.email}.", fr.sms(), fr.phrases()), "admin");

        content.publish(1, "admin", "courriel");

        assertThat(lawyer(Language.FR)).contains("Courriel : pad18@example.org.");
        assertThat(directory.uses("pad18.email")).containsExactly(new DirectoryUse(DirectoryUse.TOPIC, "lawyer"));
    }

    @Test
    void refusesToRemoveAnEntryThatATextStillUses() {
        assertThat(directory.uses("pad18.address")).extracting(DirectoryUse::id)
                .contains("lawyer", "book_appointment", "peer_support");
        assertThatThrownBy(() -> directory.saveRemoval("pad18.address", "admin"))
                .isInstanceOfSatisfying(DirectoryEntryException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.reason()).isEqualTo(Reason.IN_USE);
                            assertThat(p.message()).contains("topic lawyer");
                        }));
        assertThatThrownBy(() -> directory.saveRemoval("no.such", "admin"))
                .isInstanceOfSatisfying(DirectoryEntryException.class,
                        e -> assertThat(e.problems().get(0).reason()).isEqualTo(Reason.UNKNOWN));
        assertThat(directory.drafts()).isEmpty();
    }

    @Test
    void removesAnUnusedEntryButNotOneATopicDraftStartedToUse() {
        directory.saveDraft(new DirectoryEntry("pad18.email", "pad18@example.org", Map.of(), true, ""), "admin");
        content.publish(1, "admin", "courriel");
        directory.saveRemoval("pad18.email", "admin");
        var fr = directory.catalog().topic("lawyer").orElseThrow().in(Language.FR).orElseThrow();
        content.saveDraft("lawyer", Language.FR, new TopicText(fr.status(), fr.title(),
                fr.text() + "\n{service:pad18.email}", fr.sms(), fr.phrases()), "admin");

        assertThatThrownBy(() -> content.publish(2, "admin", "both"))
                .isInstanceOf(ContentInvalidException.class)
                .hasMessageContaining("pad18.email: cannot be removed, still used in topics/lawyer.yaml");
        assertThat(content.currentVersion()).isEqualTo(2);
        assertThat(directory.drafts()).hasSize(1);

        content.discardDraft("lawyer", Language.FR);
        content.publish(2, "admin", "retrait");
        assertThat(directory.catalog().directoryEntry("pad18.email")).isEmpty();
        assertThat(directory.drafts()).isEmpty();
    }

    @Test
    void refusesValuesThatCannotBeShown() {
        assertThat(refusal(phone(" "))).isEqualTo(Reason.BLANK);
        assertThat(refusal(phone("01 53\n41 86 60"))).isEqualTo(Reason.CHARACTERS);
        assertThat(refusal(phone("{service:number.police}"))).isEqualTo(Reason.CHARACTERS);
        assertThat(refusal(phone("call the desk"))).isEqualTo(Reason.PHONE);
        assertThat(refusal(new DirectoryEntry("pad18.hours", "x".repeat(201), Map.of(), true, ""))).isEqualTo(Reason.TOO_LONG);
        assertThat(refusal(new DirectoryEntry("pad18.hours", null, Map.of(Language.EN, "Tuesdays"), true, "")))
                .isEqualTo(Reason.NO_VALUE);
        assertThat(refusal(new DirectoryEntry("Pad18 Phone", "17", Map.of(), true, ""))).isEqualTo(Reason.KEY);
        assertThat(refusal(new DirectoryEntry("nogroup", "x", Map.of(), true, ""))).isEqualTo(Reason.KEY);
        assertThat(refusal(new DirectoryEntry("number.women", null, Map.of(Language.FR, "39 19 ou écrire"), true, "")))
                .isEqualTo(Reason.PHONE);
    }

    @Test
    void namesEveryRefusedFieldAtOnce() {
        var entry = new DirectoryEntry("pad18.phone", "abc", Map.of(Language.AR, "", Language.ZH, "12"), true, " ");
        assertThatThrownBy(() -> directory.saveDraft(entry, "admin"))
                .isInstanceOfSatisfying(DirectoryEntryException.class, e -> assertThat(e.problems())
                        .extracting(DirectoryEntryException.Problem::field)
                        .containsExactlyInAnyOrder("value", "values.ar", "note"));
    }

    @Test
    void acceptsPhoneNumbersAsTheyAreUsuallyWritten() {
        assertThat(List.of("17", "112", "3919", "116 006", "01 53 41 86 60", "01.53.41.86.60", "0800-05-95-95",
                "+33 1 53 41 86 60", "+33153418660", "01\u00A053\u00A041\u00A086\u00A060"))
                .allMatch(DirectoryRules::diallable);
        assertThat(List.of("", "1", "0", "01 53 41 86", "01 53 41 86 60 12", "+33", "+33 (0)1 53 41 86 60",
                "tel: 17", "17a", "0033 1 53 41 86 60 00 00 00"))
                .noneMatch(DirectoryRules::diallable);
        assertThat(DirectoryEditor.isPhone("number.women")).isTrue();
        assertThat(DirectoryEditor.isPhone("pad18.phone")).isTrue();
        assertThat(DirectoryEditor.isPhone("pad18.hours")).isFalse();
    }

    @Test
    void keepsAnUnconfirmedEntryWithoutAValueAndDiscardsADraft() {
        directory.saveDraft(new DirectoryEntry("bus.schedule", null, Map.of(), false, "à confirmer"), "admin");
        assertThat(directory.draft("bus.schedule")).hasValueSatisfying(d -> assertThat(d.entry().note()).isEqualTo("à confirmer"));
        assertThat(directory.discardDraft("bus.schedule")).isTrue();
        assertThat(directory.discardDraft("bus.schedule")).isFalse();
        assertThatThrownBy(() -> content.publish(1, "admin", "rien")).hasMessageContaining("no draft");
    }

    @Test
    void previewsTheLineOfATopicWithTheValueAsItWouldRead() {
        var preview = directory.preview(phone(PHONE), Language.FR).orElseThrow();
        assertThat(preview.use()).isEqualTo(new DirectoryUse(DirectoryUse.TOPIC, "lawyer"));
        assertThat(preview.text()).startsWith("- au Point d'Accès au Droit (PAD) du 18e")
                .contains("Téléphone : " + PHONE + ".")
                .contains("Adresse : demandez à une médiatrice.")
                .doesNotContain("{service:");
        assertThat(directory.preview(new DirectoryEntry("pad18.email", "x@y.z", Map.of(), true, ""), Language.FR))
                .isEmpty();
    }

    @Test
    void letsThePersonReadTheNewNumberOnHerNextTurn() {
        var published = new PublishedContent(store, ContentLoader.fromClasspath());
        var engine = TestEngines.engine(published, store, EngineSettings.defaults(), CLOCK);
        var she = new RecordingChannel(engine, Channel.WEBCHAT, CLOCK);
        she.say("bonjour");
        she.say("lang:fr");
        she.say("topic:lawyer");
        assertThat(she.lastText()).doesNotContain(PHONE);

        directory.saveDraft(phone(PHONE), "admin");
        content.publish(1, "admin", "numéro");
        she.say("topic:lawyer");

        assertThat(she.lastText()).contains("Téléphone : " + PHONE);
    }
}

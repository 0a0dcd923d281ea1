package org.passerelle.content.load;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.passerelle.content.Language;
import org.passerelle.content.ReviewStatus;
import org.passerelle.content.Topic;
import org.passerelle.content.TopicKind;
import org.passerelle.content.TopicText;

/**
 * Reads one topic file ({@code topics/<id>.yaml}) and checks it against the catalog and the
 * directory.
 *
 * @param catalogIds    the topic ids named in catalog.yaml
 * @param directoryKeys the keys of the service directory
 * @param problems      where problems go
 */
record TopicReader(Set<String> catalogIds, Set<String> directoryKeys, Problems problems) {

    private static final Set<String> TOPIC_FIELDS =
            Set.of("id", "kind", "sources", "reviewed", "next", "languages");
    private static final Set<String> TEXT_FIELDS = Set.of("status", "title", "text", "sms", "phrases");

    /** The path of a topic's file relative to the content root. */
    static String file(String id) {
        return "topics/" + id + ".yaml";
    }

    /** The topic, or empty when its file has any problem. */
    Optional<Topic> read(String id, Object document) {
        var file = file(id);
        var root = Fields.root(file, document, problems);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        var fields = root.get();
        fields.allowOnly(TOPIC_FIELDS);
        var declared = fields.text("id");
        boolean idMatches = declared.map(value -> checkId(fields, id, value)).orElse(false);
        var kind = fields.text("kind").flatMap(value -> kind(fields, value));
        var sources = fields.texts("sources", 1);
        var reviewed = fields.date("reviewed");
        var next = fields.texts("next", 0);
        next.ifPresent(ids -> checkNext(fields, ids));
        var languages = fields.mapping("languages").flatMap(this::languages);
        if (!idMatches || kind.isEmpty() || sources.isEmpty() || reviewed.isEmpty()
                || next.isEmpty() || languages.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Topic(id, kind.get(), sources.get(), reviewed.get(), next.get(),
                languages.get()));
    }

    private static boolean checkId(Fields fields, String id, String declared) {
        if (!declared.equals(id)) {
            fields.problem("id", "'" + declared + "' differs from the file name '" + id + "'");
            return false;
        }
        return true;
    }

    private static Optional<TopicKind> kind(Fields fields, String value) {
        for (var kind : TopicKind.values()) {
            if (kind.name().toLowerCase(Locale.ROOT).equals(value)) {
                return Optional.of(kind);
            }
        }
        fields.problem("kind", "unknown kind '" + value + "' (information or action)");
        return Optional.empty();
    }

    private void checkNext(Fields fields, List<String> ids) {
        for (int i = 0; i < ids.size(); i++) {
            var id = ids.get(i);
            if (!catalogIds.contains(id) && !ContentLoader.NEXT_ACTIONS.contains(id)) {
                fields.problem("next[" + i + "]", "unknown '" + id
                        + "' (neither a topic of catalog.yaml nor one of " + ContentLoader.NEXT_ACTIONS + ")");
            }
        }
    }

    private Optional<Map<Language, TopicText>> languages(Fields languages) {
        var texts = new EnumMap<Language, TopicText>(Language.class);
        boolean valid = true;
        for (var code : languages.keys()) {
            var language = LanguageCodes.exact(code);
            if (language.isEmpty()) {
                languages.problem(code, "unknown language (expected one of " + LanguageCodes.all() + ")");
                valid = false;
                continue;
            }
            var text = languages.mapping(code).flatMap(this::text);
            valid &= text.isPresent();
            text.ifPresent(value -> texts.put(language.get(), value));
        }
        if (!languages.has(Language.SOURCE.code())) {
            languages.problem(Language.SOURCE.code(), "missing (French is the source language)");
            valid = false;
        }
        return valid ? Optional.of(texts) : Optional.empty();
    }

    private Optional<TopicText> text(Fields fields) {
        fields.allowOnly(TEXT_FIELDS);
        var status = fields.text("status").flatMap(value -> status(fields, value));
        var title = fields.text("title");
        var text = fields.text("text");
        var sms = fields.text("sms");
        var phrases = fields.texts("phrases", 1);
        text.ifPresent(value -> References.check(value, directoryKeys, fields, "text"));
        sms.ifPresent(value -> References.check(value, directoryKeys, fields, "sms"));
        if (status.isEmpty() || title.isEmpty() || text.isEmpty() || sms.isEmpty() || phrases.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TopicText(status.get(), title.get(), text.get(), sms.get(), phrases.get()));
    }

    private static Optional<ReviewStatus> status(Fields fields, String value) {
        try {
            return Optional.of(ReviewStatus.fromYaml(value));
        } catch (IllegalArgumentException e) {
            fields.problem("status", "unknown status '" + value + "' (draft, needs-review, reviewed or stale)");
            return Optional.empty();
        }
    }
}

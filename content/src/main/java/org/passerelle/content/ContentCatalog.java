package org.passerelle.content;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One consistent version of the whole content: topics in menu order, UI strings per language
 * and the service directory. Immutable; a new publish makes a new catalog.
 */
public final class ContentCatalog {

    /** Directory references inside texts: {@code {service:pad18.address}}. */
    public static final Pattern REFERENCE = Pattern.compile("\\{service:([a-z0-9_.-]+)}");

    /** UI key of the words shown in place of an unconfirmed directory value. */
    public static final String UNCONFIRMED_KEY = "directory.unconfirmed";

    private final Map<String, Topic> topics;
    private final Map<Language, Map<String, String>> ui;
    private final Map<String, DirectoryEntry> directory;
    private final List<Language> languages;

    /**
     * @param topics    topics in menu order, ids unique
     * @param ui        UI strings per language; French must be complete
     * @param directory directory entries by key
     * @throws IllegalArgumentException when two topics share an id
     */
    public ContentCatalog(List<Topic> topics, Map<Language, Map<String, String>> ui,
            Map<String, DirectoryEntry> directory) {
        var byId = new LinkedHashMap<String, Topic>();
        for (var topic : topics) {
            if (byId.put(topic.id(), topic) != null) {
                throw new IllegalArgumentException("duplicate topic id " + topic.id());
            }
        }
        this.topics = java.util.Collections.unmodifiableMap(byId);
        var uiCopy = new EnumMap<Language, Map<String, String>>(Language.class);
        ui.forEach((language, strings) -> uiCopy.put(language, Map.copyOf(strings)));
        this.ui = java.util.Collections.unmodifiableMap(uiCopy);
        this.directory = Map.copyOf(directory);
        this.languages = completeLanguages();
    }

    /** All topics, in menu order. */
    public List<Topic> topics() {
        return List.copyOf(topics.values());
    }

    /** The topics of one kind, in menu order. */
    public List<Topic> topics(TopicKind kind) {
        return topics.values().stream().filter(t -> t.kind() == kind).toList();
    }

    /** The topic with this id, if any. */
    public Optional<Topic> topic(String id) {
        return Optional.ofNullable(topics.get(id));
    }

    /**
     * The languages a person can choose: those with every UI string of the source language and
     * a text for every topic; French first.
     */
    public List<Language> languages() {
        return languages;
    }

    /**
     * A UI string in a language, falling back to French when that language lacks it.
     *
     * @throws IllegalArgumentException when no language has the key
     */
    public String ui(Language language, String key) {
        var value = ui.getOrDefault(language, Map.of()).get(key);
        if (value == null) {
            value = ui.getOrDefault(Language.SOURCE, Map.of()).get(key);
        }
        if (value == null) {
            throw new IllegalArgumentException("no UI string '" + key + "'");
        }
        return value;
    }

    /** The UI strings of a language, as loaded (no fallback). */
    public Map<String, String> uiStrings(Language language) {
        return ui.getOrDefault(language, Map.of());
    }

    /** The directory entry for a key, if any. */
    public Optional<DirectoryEntry> directoryEntry(String key) {
        return Optional.ofNullable(directory.get(key));
    }

    /** All directory entries by key. */
    public Map<String, DirectoryEntry> directory() {
        return directory;
    }

    /**
     * Replaces each directory reference in a text by its value in the language; an unknown or
     * unconfirmed value becomes the UI string that sends the person to a mediator.
     */
    public String resolve(String text, Language language) {
        Matcher matcher = REFERENCE.matcher(text);
        var out = new StringBuilder();
        while (matcher.find()) {
            var value = directoryEntry(matcher.group(1))
                    .flatMap(entry -> entry.value(language))
                    .orElseGet(() -> ui(language, UNCONFIRMED_KEY));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private List<Language> completeLanguages() {
        var sourceKeys = ui.getOrDefault(Language.SOURCE, Map.of()).keySet();
        var complete = new ArrayList<Language>();
        for (var language : Language.values()) {
            var strings = ui.getOrDefault(language, Map.of());
            boolean hasUi = !strings.isEmpty() && strings.keySet().containsAll(sourceKeys);
            boolean hasTopics = topics.values().stream().allMatch(t -> t.in(language).isPresent());
            if (hasUi && hasTopics) {
                complete.add(language);
            }
        }
        return List.copyOf(complete);
    }
}

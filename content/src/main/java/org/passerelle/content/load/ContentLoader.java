package org.passerelle.content.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.ContentInvalidException;
import org.passerelle.content.DirectoryEntry;
import org.passerelle.content.Language;
import org.passerelle.content.Topic;

/**
 * Loads the content (topics, UI strings, service directory) into a {@link ContentCatalog}, from
 * the classpath or from a folder with the same layout:
 *
 * <pre>
 * catalog.yaml          topics: [emergency, complaint, …]   (menu order)
 * topics/&lt;id&gt;.yaml     one file per topic of the catalog
 * ui/&lt;code&gt;.yaml       UI strings of one language; ui/fr.yaml is required
 * directory.yaml        entries referred to from texts as {service:key}
 * </pre>
 *
 * Every file is read with SnakeYAML's safe constructor and a size cap. All problems are
 * gathered before failing, so one run shows everything to fix.
 */
public final class ContentLoader {

    /** The classpath folder that holds the shipped content. */
    public static final String CLASSPATH_ROOT = "content/";

    /** The words that a topic's {@code next} may name besides the topics of the catalog. */
    public static final List<String> NEXT_ACTIONS =
            List.of("menu", "talk_to_human", "book_appointment", "change_language");

    static final String CATALOG = "catalog.yaml";

    private static final Pattern TOPIC_ID = Pattern.compile("[a-z][a-z0-9_]*");
    private static final String YAML = ".yaml";

    private ContentLoader() {
    }

    /**
     * Loads the content shipped under {@code content/} on the classpath.
     *
     * @throws ContentInvalidException listing every problem found
     */
    public static ContentCatalog fromClasspath() {
        return load(new ContentSource.Classpath(ContentLoader.class.getClassLoader(), CLASSPATH_ROOT));
    }

    /**
     * Loads the content from a folder on disk.
     *
     * @param root the folder that holds catalog.yaml
     * @throws ContentInvalidException listing every problem found
     */
    public static ContentCatalog fromDirectory(Path root) {
        Objects.requireNonNull(root, "root");
        return load(new ContentSource.Directory(root));
    }

    /**
     * Loads the content from files held in memory, by their path relative to the content root
     * ({@code catalog.yaml}, {@code topics/complaint.yaml}, {@code ui/fr.yaml}…).
     *
     * @throws ContentInvalidException listing every problem found
     */
    public static ContentCatalog fromFiles(Map<String, String> files) {
        Objects.requireNonNull(files, "files");
        return load(new ContentSource.InMemory(files));
    }

    /**
     * The text of every shipped content file by its path relative to the content root: the
     * catalog, the directory, the UI files present and the topic files the catalog lists.
     *
     * @throws ContentInvalidException when the catalog cannot be read
     */
    public static Map<String, String> shippedFiles() {
        var source = new ContentSource.Classpath(ContentLoader.class.getClassLoader(), CLASSPATH_ROOT);
        var problems = new Problems();
        var ids = catalogIds(source, problems);
        problems.throwIfAny();
        var paths = new ArrayList<String>(List.of(CATALOG, DirectoryReader.FILE));
        for (var language : Language.values()) {
            paths.add(UiReader.file(language));
        }
        ids.forEach(id -> paths.add(TopicReader.file(id)));
        var files = new java.util.LinkedHashMap<String, String>();
        for (var path : paths) {
            try {
                source.read(path, YamlFiles.MAX_BYTES + 1)
                        .ifPresent(bytes -> files.put(path, new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
            } catch (IOException e) {
                problems.add(path, "cannot be read (" + e.getMessage() + ")");
            }
        }
        problems.throwIfAny();
        return java.util.Collections.unmodifiableMap(files);
    }

    private static ContentCatalog load(ContentSource source) {
        var problems = new Problems();
        var ids = catalogIds(source, problems);
        Map<String, DirectoryEntry> directory = YamlFiles.load(source, DirectoryReader.FILE, problems)
                .map(document -> DirectoryReader.read(document, problems))
                .orElse(Map.of());
        var ui = uiStrings(source, directory.keySet(), problems);
        var reader = new TopicReader(Set.copyOf(ids), directory.keySet(), problems);
        var topics = new ArrayList<Topic>();
        for (var id : ids) {
            YamlFiles.load(source, TopicReader.file(id), problems)
                    .flatMap(document -> reader.read(id, document))
                    .ifPresent(topics::add);
        }
        checkAllListed(source, ids, problems);
        problems.throwIfAny();
        return new ContentCatalog(topics, ui, directory);
    }

    private static List<String> catalogIds(ContentSource source, Problems problems) {
        var ids = new LinkedHashSet<String>();
        YamlFiles.load(source, CATALOG, problems)
                .flatMap(document -> Fields.root(CATALOG, document, problems))
                .ifPresent(fields -> {
                    fields.allowOnly(Set.of("topics"));
                    var listed = fields.texts("topics", 1).orElse(List.of());
                    for (int i = 0; i < listed.size(); i++) {
                        var id = listed.get(i);
                        if (!TOPIC_ID.matcher(id).matches()) {
                            problems.add(CATALOG, "topics[" + i + "]",
                                    "'" + id + "' is not a topic id (a-z, 0-9 and '_', starting with a letter)");
                        } else if (!ids.add(id)) {
                            problems.add(CATALOG, "topics[" + i + "]", "'" + id + "' listed twice");
                        }
                    }
                });
        return List.copyOf(ids);
    }

    private static Map<Language, Map<String, String>> uiStrings(ContentSource source,
            Set<String> directoryKeys, Problems problems) {
        var reader = new UiReader(directoryKeys, problems);
        var files = new EnumMap<Language, UiReader.UiFile>(Language.class);
        for (var language : uiLanguages(source, problems)) {
            YamlFiles.loadIfPresent(source, UiReader.file(language), problems)
                    .map(document -> reader.read(language, document))
                    .ifPresent(file -> files.put(language, file));
        }
        var sourceFile = files.get(Language.SOURCE);
        if (sourceFile != null) {
            reader.checkComplete(sourceFile);
            files.forEach((language, file) -> reader.checkKnown(language, file, sourceFile));
        } else if (!problems.mentions(UiReader.file(Language.SOURCE))) {
            problems.add(UiReader.file(Language.SOURCE), "missing (French is the source language)");
        }
        var ui = new EnumMap<Language, Map<String, String>>(Language.class);
        files.forEach((language, file) -> ui.put(language, file.strings()));
        return ui;
    }

    /** The languages that have a UI file: listed on disk, probed on the classpath. */
    private static List<Language> uiLanguages(ContentSource source, Problems problems) {
        var names = listing(source, "ui", problems);
        if (names.isEmpty()) {
            return List.of(Language.values());
        }
        var languages = new ArrayList<Language>();
        for (var name : names.get()) {
            var code = name.substring(0, name.length() - YAML.length());
            LanguageCodes.exact(code).ifPresentOrElse(languages::add, () -> problems.add("ui/" + name,
                    "unknown language '" + code + "' (expected one of " + LanguageCodes.all() + ")"));
        }
        return languages;
    }

    private static void checkAllListed(ContentSource source, List<String> ids, Problems problems) {
        var names = listing(source, "topics", problems);
        for (var name : names.orElse(List.of())) {
            if (!ids.contains(name.substring(0, name.length() - YAML.length()))) {
                problems.add("topics/" + name, "not listed in " + CATALOG);
            }
        }
    }

    /** The .yaml files of a folder, or empty when the source cannot list folders. */
    private static Optional<List<String>> listing(ContentSource source, String folder, Problems problems) {
        try {
            var names = source.list(folder);
            if (names.isEmpty()) {
                return Optional.empty();
            }
            var yaml = new ArrayList<String>();
            for (var name : names.get()) {
                if (name.endsWith(YAML)) {
                    yaml.add(name);
                } else if (name.endsWith(".yml")) {
                    problems.add(folder + "/" + name, "not read: content files end in " + YAML);
                }
            }
            return Optional.of(yaml);
        } catch (IOException e) {
            problems.add(folder, "cannot be listed (" + e.getMessage() + ")");
            return Optional.of(List.of());
        }
    }
}

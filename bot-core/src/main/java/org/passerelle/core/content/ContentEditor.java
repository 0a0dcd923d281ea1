package org.passerelle.core.content;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.ContentInvalidException;
import org.passerelle.content.Language;
import org.passerelle.content.ReviewStatus;
import org.passerelle.content.Topic;
import org.passerelle.content.TopicText;
import org.passerelle.content.load.ContentLoader;
import org.passerelle.content.load.ContentWriter;
import org.passerelle.core.store.RedisStore;

/**
 * What staff do with the content: seed it from the shipped files, keep drafts per topic and
 * language, publish them as the next version, roll back to an earlier one. A publish is refused
 * as a whole when the result does not load or does not pass the check, and when someone else
 * published meanwhile; it never leaves a half-published state.
 */
public final class ContentEditor {

    private final ContentVersions versions;
    private final Drafts drafts;
    private final DirectoryDrafts directoryDrafts;
    private final Consumer<ContentCatalog> check;
    private final Clock clock;

    /**
     * @param store the Redis store
     * @param check refuses a catalog by throwing {@link ContentInvalidException} (the validator)
     * @param clock the time source
     */
    public ContentEditor(RedisStore store, Consumer<ContentCatalog> check, Clock clock) {
        this.versions = new ContentVersions(store);
        this.drafts = new Drafts(store, versions, clock);
        this.directoryDrafts = new DirectoryDrafts(store, clock);
        this.check = check;
        this.clock = clock;
    }

    /**
     * Makes the shipped files version 1 when Redis holds no content yet.
     *
     * @return the version in force afterwards
     * @throws ContentInvalidException when the shipped files do not load or pass the check
     */
    public int seedIfEmpty(Map<String, String> shippedFiles) {
        return seedIfEmpty(shippedFiles, ContentLoader.fromFiles(shippedFiles)).version();
    }

    /**
     * What {@link #seedIfEmpty(Map, ContentCatalog)} did.
     *
     * @param version the version in force afterwards
     * @param created whether this call made it, from the files given
     */
    public record Seed(int version, boolean created) {
    }

    /**
     * As {@link #seedIfEmpty(Map)}, with the files already read by the caller, so that they are
     * not read again.
     *
     * @param shippedFiles the files
     * @param shipped      what they say, as {@code ContentLoader.fromFiles(shippedFiles)} reads them
     * @throws ContentInvalidException when they do not pass the check
     */
    public Seed seedIfEmpty(Map<String, String> shippedFiles, ContentCatalog shipped) {
        int current = versions.current();
        if (current > 0) {
            return new Seed(current, false);
        }
        check.accept(shipped);
        try {
            return new Seed(versions.create(0, shippedFiles, meta("seed", "system", "shipped content", 0), List.of()),
                    true);
        } catch (ContentConflictException seededElsewhere) {
            return new Seed(seededElsewhere.currentVersion(), false);
        }
    }

    /** The number of the version in force, 0 before the seed. */
    public int currentVersion() {
        return versions.current();
    }

    /**
     * The content of one version.
     *
     * @throws IllegalArgumentException when there is no such version
     */
    public ContentCatalog catalog(int version) {
        var files = versions.files(version);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no content version " + version);
        }
        return ContentLoader.fromFiles(files);
    }

    /** Every version, newest first. */
    public List<ContentVersion> history() {
        var history = new ArrayList<ContentVersion>();
        for (int number = versions.current(); number >= 1; number--) {
            history.add(versions.info(number));
        }
        return history;
    }

    /**
     * Saves the draft of one language of a topic of the version in force, replacing any earlier
     * draft of it.
     *
     * @throws IllegalArgumentException when the topic does not exist or a phrase spans lines
     */
    public Draft saveDraft(String topicId, Language language, TopicText text, String author) {
        Objects.requireNonNull(language, "language");
        if (catalog(versions.current()).topic(topicId).isEmpty()) {
            throw new IllegalArgumentException("no topic '" + topicId + "'");
        }
        if (text.phrases().stream().anyMatch(phrase -> phrase.contains("\n"))) {
            throw new IllegalArgumentException("a phrase must be one line");
        }
        return drafts.save(topicId, language, text, author);
    }

    /** The drafts waiting for the next publish, by topic then language. */
    public List<Draft> drafts() {
        return drafts.all().stream().map(Drafts.Stamped::draft).toList();
    }

    /** Deletes a draft; false when there was none. */
    public boolean discardDraft(String topicId, Language language) {
        return drafts.discard(topicId, language);
    }

    /**
     * Publishes every draft, of topics and of the directory ({@link DirectoryEditor}), as the next
     * version. Where the French text or SMS changed, the other languages of that topic that were
     * not edited too become {@code stale}.
     *
     * @param baseVersion the version the drafts were made against, as the editor saw it
     * @throws ContentConflictException when another version was published since
     * @throws ContentInvalidException  when there is no draft, or the result is refused
     */
    public ContentVersion publish(int baseVersion, String author, String note) {
        var pending = drafts.all();
        var directoryPending = directoryDrafts.all();
        if (pending.isEmpty() && directoryPending.isEmpty()) {
            throw new ContentInvalidException(List.of("nothing to publish: there is no draft"));
        }
        var files = new LinkedHashMap<>(versions.files(baseVersion));
        if (files.isEmpty() || versions.current() != baseVersion) {
            throw new ContentConflictException(baseVersion, versions.current());
        }
        var base = ContentLoader.fromFiles(files);
        var problems = new ArrayList<String>();
        var byTopic = new LinkedHashMap<String, List<Draft>>();
        pending.forEach(s -> byTopic.computeIfAbsent(s.draft().topicId(), id -> new ArrayList<>()).add(s.draft()));
        byTopic.forEach((topicId, edits) -> base.topic(topicId).ifPresentOrElse(
                topic -> files.put("topics/" + topicId + ".yaml", ContentWriter.topic(apply(topic, edits))),
                () -> problems.add(topicId + ": the topic no longer exists")));
        DirectoryEdits.apply(base, files, directoryPending, problems);
        if (!problems.isEmpty()) {
            throw new ContentInvalidException(problems);
        }
        check.accept(ContentLoader.fromFiles(files));
        var consumed = new ArrayList<ContentVersions.Consumed>();
        pending.forEach(draft -> consumed.add(drafts.consumed(draft)));
        directoryPending.forEach(draft -> consumed.add(directoryDrafts.consumed(draft)));
        int number = versions.create(baseVersion, files, meta("publish", author, note, baseVersion), consumed);
        return versions.info(number);
    }

    /**
     * Publishes an earlier version again, as the next version; drafts stay as they are.
     *
     * @throws ContentConflictException when another version was published since {@code baseVersion}
     * @throws IllegalArgumentException when there is no such earlier version
     */
    public ContentVersion rollback(int baseVersion, int toVersion, String author, String note) {
        var files = versions.files(toVersion);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no content version " + toVersion);
        }
        int number = versions.create(baseVersion, files, meta("rollback", author, note, toVersion), List.of());
        return versions.info(number);
    }

    private static Topic apply(Topic topic, List<Draft> edits) {
        var languages = new EnumMap<Language, TopicText>(Language.class);
        languages.putAll(topic.languages());
        var edited = new java.util.HashSet<Language>();
        edits.forEach(draft -> {
            languages.put(draft.language(), draft.text());
            edited.add(draft.language());
        });
        var before = topic.in(Language.SOURCE).orElse(null);
        var after = languages.get(Language.SOURCE);
        boolean sourceChanged = before != null && after != null
                && (!before.text().equals(after.text()) || !before.sms().equals(after.sms()));
        if (sourceChanged) {
            // A translation of the old French no longer says what the French says.
            languages.replaceAll((language, text) -> language == Language.SOURCE || edited.contains(language)
                    ? text
                    : new TopicText(ReviewStatus.STALE, text.title(), text.text(), text.sms(), text.phrases()));
        }
        return new Topic(topic.id(), topic.kind(), topic.sources(), topic.reviewed(), topic.next(), languages);
    }

    private ContentVersion meta(String kind, String author, String note, int basedOn) {
        return new ContentVersion(0, kind, clock.instant(), author == null ? "" : author, note == null ? "" : note,
                basedOn);
    }
}

package org.passerelle.core.nlu;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;
import opennlp.tools.doccat.DoccatModel;
import org.passerelle.content.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trained intent models kept in a directory, each language's under the digest of the data it was
 * trained from ({@link IntentClassifier} computes it). A start, or a publish, whose training data
 * for a language has not changed loads that language's model instead of training it again: the
 * same model, since the training is deterministic. A file that cannot be read is deleted and the
 * model trained again; a directory that cannot be written only means training next time too.
 * Storing a language's model deletes the other files kept for that language (an older model, a
 * write a crash cut short).
 *
 * <p>The models are made from the published content alone: nothing about a person is kept here.
 */
public final class IntentModelCache {

    private static final Logger log = LoggerFactory.getLogger(IntentModelCache.class);
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");
    private static final IntentModelCache NONE = new IntentModelCache(null);

    private final Path directory;

    private IntentModelCache(Path directory) {
        this.directory = directory;
    }

    /** No cache: every model is trained. */
    public static IntentModelCache none() {
        return NONE;
    }

    /** Models kept in this directory, made when the first model is stored. */
    public static IntentModelCache in(Path directory) {
        return new IntentModelCache(directory.toAbsolutePath().normalize());
    }

    /** The model kept for this language and digest, if there is one that reads. */
    Optional<DoccatModel> load(Language language, String digest) {
        if (directory == null) {
            return Optional.empty();
        }
        var file = file(language, digest);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (var in = new BufferedInputStream(Files.newInputStream(file))) {
            return Optional.of(new DoccatModel(in));
        } catch (IOException | RuntimeException e) {
            log.warn("intent model for {} kept in the cache could not be read, trained again: {}", language.code(),
                    e.getClass().getSimpleName());
            delete(file);
            return Optional.empty();
        }
    }

    /** Keeps a model just trained; a failure to write is logged and otherwise ignored. */
    void store(Language language, String digest, DoccatModel model) {
        if (directory == null) {
            return;
        }
        var file = file(language, digest);
        Path partial = null;
        try {
            Files.createDirectories(directory);
            partial = Files.createTempFile(directory, "intent-" + language.code() + "-", ".partial");
            try (var out = new BufferedOutputStream(Files.newOutputStream(partial))) {
                model.serialize(out);
            }
            move(partial, file);
            partial = null;
            removeOthers(language, file);
        } catch (IOException | UncheckedIOException e) {
            log.warn("intent model for {} not kept in the cache: {}", language.code(), e.getClass().getSimpleName());
        } finally {
            if (partial != null) {
                delete(partial);
            }
        }
    }

    private Path file(Language language, String digest) {
        if (!DIGEST.matcher(digest).matches()) {
            throw new IllegalArgumentException("not a digest: " + digest);
        }
        return directory.resolve("intent-" + language.code() + "-" + digest + ".bin");
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void removeOthers(Language language, Path kept) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "intent-" + language.code() + "-*")) {
            for (var file : files) {
                if (!file.equals(kept)) {
                    delete(file);
                }
            }
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("{} not deleted: {}", file.getFileName(), e.getClass().getSimpleName());
        }
    }
}

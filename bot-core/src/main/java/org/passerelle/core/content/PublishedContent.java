package org.passerelle.core.content;

import java.util.function.Supplier;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.ContentInvalidException;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The content in force, for the engine: asks Redis which version is in force at every call and
 * parses a version only once. While Redis cannot be reached it keeps serving the last version it
 * read (at first the shipped content), so that the emergency numbers can always be given.
 */
public final class PublishedContent implements Supplier<ContentCatalog> {

    private static final Logger log = LoggerFactory.getLogger(PublishedContent.class);

    private record Loaded(int version, ContentCatalog catalog) {
    }

    private final ContentVersions versions;
    private volatile Loaded loaded;

    /**
     * @param store    the Redis store
     * @param fallback what to serve before any version could be read
     */
    public PublishedContent(RedisStore store, ContentCatalog fallback) {
        this(store, fallback, 0);
    }

    /**
     * @param store    the Redis store
     * @param fallback what to serve before any version could be read
     * @param version  the version the fallback is, as read from the very files of that version
     *                 (so that it is not read again), or 0 when it is none
     */
    public PublishedContent(RedisStore store, ContentCatalog fallback, int version) {
        this.versions = new ContentVersions(store);
        this.loaded = new Loaded(version, fallback);
        if (version > 0) {
            log.info("content version {} in force", version);
        }
    }

    @Override
    public ContentCatalog get() {
        int version;
        try {
            version = versions.current();
        } catch (StoreUnavailableException e) {
            return loaded.catalog();
        }
        return at(version);
    }

    /**
     * The key that holds the number of the version in force, for a caller that reads it together
     * with other things in one round trip and then asks {@link #at(String)}.
     */
    public String versionKey() {
        return versions.currentKey();
    }

    /**
     * The content of the version in force as read by the caller: the number kept under
     * {@link #versionKey()}, empty when none was published.
     */
    public ContentCatalog at(String version) {
        int number;
        try {
            number = version == null || version.isEmpty() ? 0 : Integer.parseInt(version);
        } catch (NumberFormatException damaged) {
            return loaded.catalog();
        }
        return at(number);
    }

    private ContentCatalog at(int version) {
        var current = loaded;
        if (version == current.version() || version == 0) {
            return current.catalog();
        }
        return load(version).catalog();
    }

    /**
     * The content served by the last call, without asking Redis: for what must be said while
     * Redis cannot be reached.
     */
    public ContentCatalog lastRead() {
        return loaded.catalog();
    }

    /** The version served by the last call, 0 for a fallback that is no version. */
    public int version() {
        return loaded.version();
    }

    private synchronized Loaded load(int version) {
        if (loaded.version() == version) {
            return loaded;
        }
        try {
            var catalog = org.passerelle.content.load.ContentLoader.fromFiles(versions.files(version));
            loaded = new Loaded(version, catalog);
            log.info("content version {} in force", version);
        } catch (ContentInvalidException | StoreUnavailableException e) {
            // Published versions were checked before they were published; keep serving the last good one.
            log.error("content version {} cannot be read, still serving version {}: {}", version, loaded.version(),
                    e.getMessage());
        }
        return loaded;
    }
}

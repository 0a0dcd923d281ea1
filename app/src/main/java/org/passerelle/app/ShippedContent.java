package org.passerelle.app;

import java.util.Map;
import org.passerelle.content.ContentCatalog;

/**
 * The content shipped with this build, read once at the start: its files, as they are seeded
 * into Redis, and what they say.
 *
 * @param files   the text of each file by its path relative to the content root
 * @param catalog the files read
 */
record ShippedContent(Map<String, String> files, ContentCatalog catalog) {
}

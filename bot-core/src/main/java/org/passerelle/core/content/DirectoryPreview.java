package org.passerelle.core.content;

import org.passerelle.content.Language;

/**
 * A line a person would read with a directory entry's value in it.
 *
 * @param use      where the line comes from
 * @param language the language of the line
 * @param text     the line with every reference resolved
 */
public record DirectoryPreview(DirectoryUse use, Language language, String text) {
}

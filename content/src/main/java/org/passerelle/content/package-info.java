/**
 * The rights-information corpus as immutable values: languages, topics with their texts per
 * language, UI strings and the service directory, gathered in a {@link org.passerelle.content.ContentCatalog}.
 * Plain Java, no framework types; loading from YAML lives in {@code .load}.
 */
package org.passerelle.content;

/**
 * Reads the content files (topics, UI strings, service directory) from YAML into a
 * {@link org.passerelle.content.ContentCatalog}. Uses SnakeYAML's safe loader only.
 */
package org.passerelle.content.load;

/**
 * Checks a whole {@link org.passerelle.content.ContentCatalog} before it is shipped or published:
 * required languages and topics, lengths once directory references are resolved, SMS segments,
 * sources, example phrases, links between topics and UI strings. Works on the catalog alone,
 * never on files, and uses only the content model and the SMS counter.
 */
package org.passerelle.content.validate;

/**
 * The content editor's REST surface under {@code /api/content}: the versions, the topics of the
 * version in force, drafts per topic and language with a preview, publish and rollback. Uses
 * {@code core.content} only.
 */
package org.passerelle.admin.content;

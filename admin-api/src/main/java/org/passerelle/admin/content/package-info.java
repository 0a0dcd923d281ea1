/**
 * The content editor: its REST surface under {@code /api/content} (the versions, the topics of
 * the version in force, drafts per topic and language with a preview, publish and rollback) and
 * its pages under {@code /admin/content} (the grid of statuses per topic and language, editing
 * one language beside the French source with a live SMS preview, publishing with a note, the
 * history with a side-by-side diff of each version and rollback). Uses {@code core.content} and
 * the content module's model, validator and SMS counter only.
 */
package org.passerelle.admin.content;

/**
 * The service directory editor: the REST routes under {@code /api/content/directory} and the
 * admin page {@code /admin/content/directory}, where admins correct the addresses, hours and
 * numbers that texts refer to, as drafts published with the rest of the content. Uses
 * {@code core.content} only.
 */
package org.passerelle.admin.content.directory;

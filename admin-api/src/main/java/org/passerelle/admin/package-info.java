/**
 * The staff side: REST under {@code /api} and the pages for mediators and admins. Talks to the
 * engine through {@code bot-core}'s public API only.
 */
package org.passerelle.admin;

/**
 * The mediators' inbox: the REST API under {@code /api/inbox} and the pages under {@code /inbox}
 * (Thymeleaf and htmx, live through one event stream per page). A mediator sees the waiting
 * conversations she may take and those she holds, reads a transcript, answers, and hands the
 * conversation back, on or closes it. Talks to the engine through {@code bot-core}'s
 * {@code MediatorDesk} only, and shows a pseudonym, a channel and a language, never an address.
 */
package org.passerelle.admin.inbox;

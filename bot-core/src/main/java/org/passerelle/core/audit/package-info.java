/**
 * The audit log of staff actions: who did what and when, kept in Redis as one stream capped by
 * length and by age, and read back by time range. An entry holds a username, a role, an action
 * (an HTTP method and a route template, or a sign-in outcome), the route's variables and a
 * status; never a message text, an address or a request body. Uses {@code core.store} only.
 */
package org.passerelle.core.audit;

/**
 * Who may do what: staff accounts and the rules that protect {@code /api}, {@code /admin} and
 * {@code /inbox} while the chat page, the web chat API and the channel webhooks stay public.
 * The first admin comes from configuration or, without it, from a one-time setup link printed in
 * the log; there is no default password.
 */
package org.passerelle.admin.security;

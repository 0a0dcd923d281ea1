/**
 * The audit of staff actions, recorded from one place: an interceptor sees every successful
 * change made through {@code /api}, the inbox pages and the admin pages, and the sign-in listener
 * reports sign-ins, failures and lockouts; both go through {@link org.passerelle.admin.audit.StaffAudit},
 * which never lets a recording failure fail the request. Admins read the log as JSON or CSV under
 * {@code /api/audit}, and on the page {@code /admin/audit}, newest first, filtered and by pages.
 * Uses {@code core.audit}'s {@code AuditLog}.
 */
package org.passerelle.admin.audit;

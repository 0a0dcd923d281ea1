/**
 * The OpenAPI description of the staff's REST API at {@code /v3/api-docs}, with its Swagger UI
 * at {@code /swagger-ui.html}, for admins only: the {@code /api} routes, tagged by feature, with
 * HTTP Basic as their security scheme. The person's side (web chat, channel webhooks, the chat
 * page) and the staff pages are left out.
 */
package org.passerelle.admin.openapi;

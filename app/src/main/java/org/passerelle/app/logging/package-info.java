/**
 * Log masking: every line the application writes, in the structured (ECS JSON) and in the plain
 * formats, passes through {@link org.passerelle.app.logging.LogMasking} after it is rendered, so
 * that a phone number, a chat id, a bot token, a long secret or a credential that code lets slip
 * into a message or an exception comes out masked. Uses Logback and Spring Boot's logging events
 * only.
 */
package org.passerelle.app.logging;

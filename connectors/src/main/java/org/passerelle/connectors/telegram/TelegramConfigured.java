package org.passerelle.connectors.telegram;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code passerelle.telegram.token} holds a non-blank value: an empty environment
 * variable must not start a connector that can only fail.
 */
class TelegramConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var token = context.getEnvironment().getProperty("passerelle.telegram.token");
        return token != null && !token.isBlank();
    }
}

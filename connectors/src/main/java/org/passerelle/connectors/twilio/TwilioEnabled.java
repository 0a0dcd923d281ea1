package org.passerelle.connectors.twilio;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when the Twilio account SID and auth token are both set and not blank. */
class TwilioEnabled implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var environment = context.getEnvironment();
        return TwilioSettings.hasText(environment.getProperty("passerelle.twilio.account-sid"))
                && TwilioSettings.hasText(environment.getProperty("passerelle.twilio.auth-token"));
    }
}

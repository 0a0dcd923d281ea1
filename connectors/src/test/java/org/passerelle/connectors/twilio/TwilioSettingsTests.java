package org.passerelle.connectors.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.passerelle.connectors.support.PublicUrlSettings;

class TwilioSettingsTests {

    static final URI API = URI.create("https://api.twilio.com");

    @Test
    void neverPrintsTheAuthTokenNorTheSenderNumber() {
        var settings = new TwilioSettings("AC1", "secret-token-42", "+33700000001", null, API);

        assertThat(settings.toString()).doesNotContain("secret-token-42").doesNotContain("700000001").contains("AC1");
    }

    @Test
    void isDisabledWithoutTokenOrWithBlankOnes() {
        assertThat(new TwilioSettings("AC1", null, "+33700000001", null, API).enabled()).isFalse();
        assertThat(new TwilioSettings(" ", "token", "+33700000001", null, API).enabled()).isFalse();
        assertThat(new TwilioSettings("AC1", "token", null, null, null).apiUrl()).isEqualTo(API);
    }

    @Test
    void refusesToStartWithoutASenderNumberOrService() {
        assertThatIllegalStateException()
                .isThrownBy(() -> new TwilioSettings("AC1", "token", null, " ", API).requireComplete())
                .withMessageContaining("passerelle.twilio.from");
    }

    @Test
    void refusesToCheckSignaturesWithoutThePublicBaseUrl() {
        assertThatIllegalStateException().isThrownBy(() -> new PublicUrlSettings(null).urlOf("/connectors/twilio/messages"))
                .withMessageContaining("passerelle.public-base-url");
        assertThat(new PublicUrlSettings(URI.create("https://example.org/p/")).urlOf("/connectors/twilio/status"))
                .isEqualTo("https://example.org/p/connectors/twilio/status");
    }
}

package org.passerelle.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogMaskingTests {

    @ParameterizedTest
    @ValueSource(strings = {"+33612345678", "+33 6 12 34 56 78", "+33 (0)6 12 34 56 78", "33612345678",
            "33 6 12 34 56 78", "0612345678", "06 12 34 56 78", "06.12.34.56.78", "06-12-34-56-78",
            "+40 721 234 567", "+8613812345678", "5551234567"})
    void masksPhoneNumbersInTheirUsualShapes(String number) {
        var masked = LogMasking.mask("from " + number + " today");

        assertThat(masked).isEqualTo("from " + LogMasking.PHONE + " today");
    }

    @Test
    void masksAWhatsAppAddress() {
        assertThat(LogMasking.mask("to=whatsapp:+33612345678")).isEqualTo("to=whatsapp:" + LogMasking.PHONE);
    }

    @Test
    void masksATelegramChatIdOfNineDigitsOrMore() {
        assertThat(LogMasking.mask("chat 987654321 said")).isEqualTo("chat " + LogMasking.PHONE + " said");
    }

    @Test
    void masksATelegramBotToken() {
        var token = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1";

        assertThat(LogMasking.mask("GET /bot" + token + "/getMe"))
                .isEqualTo("GET /bot" + LogMasking.SECRET + "/getMe")
                .doesNotContain("AAHdq");
    }

    @Test
    void masksBearerAndBasicCredentials() {
        assertThat(LogMasking.mask("Authorization: Bearer abc.DEF-123_xyz"))
                .isEqualTo("Authorization: Bearer " + LogMasking.SECRET);
        assertThat(LogMasking.mask("authorization=basic YWRtaW46c2VjcmV0"))
                .isEqualTo("authorization=basic " + LogMasking.SECRET);
    }

    @Test
    void masksLongHexAndBase64Secrets() {
        var hex = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        var sealed = "q2VtZQ7u1lDg0xQfJm4dT8y6V0Qn5w3r9sXc2b1aZkP_Hj-Lz7oYe4UiN6tRmA==";

        assertThat(LogMasking.mask("key " + hex)).isEqualTo("key " + LogMasking.SECRET);
        assertThat(LogMasking.mask("blob " + sealed + " end")).isEqualTo("blob " + LogMasking.SECRET + " end");
    }

    @Test
    void leavesPseudonymsMessageIdsTimesAndSmallNumbersAlone() {
        var line = "turn conversation=Xk3_9aQ2mZr8Tq1LpV7bN0cD5e message=" + UUID.randomUUID()
                + " at 2026-11-28T15:53:55.123Z attempt 2 of 5 port 8080 update 12345";

        assertThat(LogMasking.mask(line)).isEqualTo(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"83da3d4b-c372-4beb-9890-579591190033", "00000000-0000-4000-8000-000000000000",
            "83DA3D4B-C372-4BEB-9890-123456789012"})
    void leavesAMessageIdWhoseLastGroupIsAllDigitsAlone(String id) {
        var line = "sent message=" + id + " done";

        assertThat(LogMasking.mask(line)).isEqualTo(line);
    }

    @Test
    void stillMasksTwelveDigitsAfterAHyphenThatEndsNoUuid() {
        assertThat(LogMasking.mask("ref-579591190033")).isEqualTo("ref-" + LogMasking.PHONE);
        assertThat(LogMasking.mask("9890-579591190033")).isEqualTo("9890-" + LogMasking.PHONE);
    }

    @Test
    void leavesLongWordsWithoutDigitsAlone() {
        var line = "org.passerelle.connectors.telegram.TelegramWebhookController AVeryLongIdentifierWithoutAnyDigitsInItAtAll";

        assertThat(LogMasking.mask(line)).isEqualTo(line);
    }

    @Test
    void leavesFilePathsAlone() {
        var line = "the data directory /tmp/passerelle-startup-test8123456789012345678/data/not-a-directory cannot be written";

        assertThat(LogMasking.mask(line)).isEqualTo(line);
    }

    @Test
    void keepsNullAndEmptyAsTheyAre() {
        assertThat(LogMasking.mask(null)).isNull();
        assertThat(LogMasking.mask("")).isEmpty();
    }
}

package org.passerelle.connectors.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.connectors.testkit.FixedNotice;
import org.passerelle.connectors.testkit.RecordingIntake;
import org.passerelle.core.testing.RandomInputs;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Properties of reading Telegram updates, over random bytes, cut JSON and updates whose every
 * field is random (Unicode text, odd chat types, ids of any size): a body is either an update or
 * refused as malformed (400), and handing an update over never throws.
 */
class TelegramUpdatePropertyTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RandomInputs inputs = new RandomInputs();
    private final RecordingIntake intake = new RecordingIntake();
    private final TelegramUpdates updates = new TelegramUpdates(intake, new FixedNotice(), silentClient(),
            Clock.fixed(Instant.parse("2026-03-02T10:15:30Z"), ZoneOffset.UTC));

    @Test
    void anyBodyIsEitherAnUpdateOrMalformed() {
        for (var text : inputs.texts(RandomInputs.tries())) {
            var body = inputs.nextInt(2) == 0 ? inputs.bytes(text) : cut(update(text));
            read(body, "seed " + inputs.seed() + ", body of " + body.length + " bytes");
        }
    }

    @Test
    void anUpdateWithRandomFieldsIsHandedOverOrIgnoredWithoutThrowing() {
        for (var text : inputs.texts(RandomInputs.tries())) {
            read(update(text), "seed " + inputs.seed() + ", text of " + text.length());
        }
        assertThat(intake.received()).allSatisfy(message -> assertThat(message.address()).matches("-?\\d+"));
    }

    private void read(byte[] body, String label) {
        try {
            var update = updates.parse(body);
            assertThat(updates.handle(update)).as(label).isNotNull();
        } catch (TelegramUpdates.MalformedUpdateException malformed) {
            assertThat(malformed.getMessage()).as(label).isNotBlank();
        }
    }

    /** A message or a button press with random values in every field. */
    private byte[] update(String text) {
        try {
            var id = inputs.oneOf(List.of("1", "2147483647", "-5", "99999999999", "\"x\"", "null", "1.5"));
            var chatId = inputs.oneOf(List.of("4242", "-1001234567890", "9007199254740993", "\"abc\"", "0"));
            var type = inputs.oneOf(List.of("private", "group", "supergroup", "channel", "", "\u202eprivate"));
            var chat = "{\"id\":" + chatId + ",\"type\":" + JSON.writeValueAsString(type) + "}";
            var from = "{\"id\":" + chatId + ",\"is_bot\":" + inputs.oneOf(List.of("false", "true", "null", "\"no\""))
                    + ",\"first_name\":" + JSON.writeValueAsString(inputs.text(inputs.nextInt(20))) + "}";
            var value = JSON.writeValueAsString(text);
            var update = inputs.nextInt(2) == 0
                    ? "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"date\":1772446530,\"chat\":"
                            + chat + ",\"from\":" + from + ",\"text\":" + value + "}}"
                    : "{\"update_id\":" + id + ",\"callback_query\":{\"id\":\"q\",\"from\":" + from + ",\"data\":"
                            + value + ",\"message\":{\"message_id\":1,\"date\":1,\"chat\":" + chat + "}}}";
            return update.getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] cut(byte[] body) {
        return java.util.Arrays.copyOf(body, inputs.nextInt(body.length + 1));
    }

    /** A Bot API client that answers nothing: button presses are answered into the void. */
    private static TelegramClient silentClient() {
        return (TelegramClient) Proxy.newProxyInstance(TelegramClient.class.getClassLoader(),
                new Class<?>[] {TelegramClient.class}, (proxy, method, args) -> null);
    }
}

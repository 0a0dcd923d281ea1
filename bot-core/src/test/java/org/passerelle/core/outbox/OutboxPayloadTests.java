package org.passerelle.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.passerelle.core.channel.Option;
import org.passerelle.core.channel.Reply;

class OutboxPayloadTests {

    @Test
    void keepsEveryCharacterOfTheTextAndOptions() {
        var reply = new Reply("ligne 1\nligne 2\tet 3: 12:34 ١٢ 你好 🆘\u200B",
                List.of(new Option("a:b", "x\ty\nz"), new Option("", ""), new Option("12:", ":12")));
        assertThat(OutboxPayload.decode(OutboxPayload.encode(reply))).isEqualTo(reply);
        assertThat(OutboxPayload.decode(OutboxPayload.encode(Reply.text("")))).isEqualTo(Reply.text(""));
    }

    @Test
    void refusesADamagedPayloadWithoutQuotingIt() {
        var encoded = OutboxPayload.encode(new Reply("secret words", List.of(new Option("k", "label"))));
        for (var damaged : List.of("", "secret words", encoded.substring(0, encoded.length() - 1), encoded + "x",
                "r1;99:secret words", "r1;-1:secret", "r1;1:a1:b", "r1;x:secret")) {
            assertThatThrownBy(() -> OutboxPayload.decode(damaged)).as(damaged)
                    .isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
        }
    }

    @Test
    void readsTheClearFieldsOfThePreviousVersionButNotAnEntryWithoutText() {
        assertThat(OutboxPayload.legacy(Map.of("text", "hello", "options", "menu\tMenu\nlang\tLangue\n")))
                .isEqualTo(new Reply("hello", List.of(new Option("menu", "Menu"), new Option("lang", "Langue"))));
        assertThat(OutboxPayload.legacy(Map.of("text", ""))).isEqualTo(Reply.text(""));
        assertThatThrownBy(() -> OutboxPayload.legacy(Map.of("options", "menu\tMenu\n")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

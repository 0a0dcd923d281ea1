package org.passerelle.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.content.Language;
import org.passerelle.core.channel.OutboundMessage;
import org.passerelle.core.privacy.AddressSealer;
import org.passerelle.core.store.RedisDump;

/**
 * Erase leaves nothing of her: her state, transcript, handoff, address, bookings (their places
 * freed), reminders and the replies still waiting for her, all at once; only the flood counter of
 * the minute stays, so that erasing cannot lift the limit.
 */
class EraseIntegrationTests {

    private final PersonFixture fixture = new PersonFixture(Duration.ofDays(30));

    @AfterEach
    void close() {
        fixture.close();
    }

    private String floodKey() {
        return fixture.store.key("flood", fixture.conversationId);
    }

    @Test
    void erasesEverythingAboutHerAtOnceIncludingTheRepliesWaitingForHer() {
        fixture.books();
        var code = fixture.bookings.listFor(fixture.conversationId).get(0).code();
        assertThat(fixture.deliver(true)).isNotEmpty();
        fixture.say("human");
        // The channel is down: her replies wait, one of them retried, holding her conversation.
        assertThat(fixture.deliver(false)).isEmpty();

        var before = RedisDump.of(fixture.store);
        assertThat(RedisDump.keysMentioning(before, fixture.conversationId))
                .anyMatch(key -> key.endsWith(":conv:" + fixture.conversationId))
                .anyMatch(key -> key.endsWith(":handoff:" + fixture.conversationId))
                .anyMatch(key -> key.endsWith(":handoff:transcript:" + fixture.conversationId))
                .anyMatch(key -> key.endsWith(":booking:conv:" + fixture.conversationId))
                .anyMatch(key -> key.endsWith(":outbox:hold:" + fixture.conversationId))
                .anyMatch(key -> key.endsWith(":outbox"));
        var sealedBefore = sealedValues(before);
        assertThat(sealedBefore).hasSizeGreaterThan(5);

        fixture.say("effacer");
        fixture.say("1");

        var after = RedisDump.of(fixture.store);
        // What remains naming her: the flood counter, and in the outbox the confirmation of the erase
        // (address and text) and the withdrawal of what the channel can still take back (address).
        assertThat(RedisDump.keysMentioning(after, fixture.conversationId))
                .containsExactlyInAnyOrder(floodKey(), fixture.store.key("outbox"));
        assertThat(sealedValues(after)).doesNotContainAnyElementsOf(sealedBefore).hasSize(3);
        assertThat(fixture.bookings.find(code)).isEmpty();
        assertThat(after.keySet()).noneMatch(key -> key.contains(":booking:slot:") || key.contains(":reminder:")
                || key.contains(":outbox:attempts:") || key.contains(":outbox:backoff:"));

        // The hold of a deleted reply is gone too: the confirmation leaves at once.
        List<OutboundMessage> sent = fixture.deliver(true);
        assertThat(sent).extracting(message -> message.reply().text())
                .containsExactly(TestEngines.CONTENT.ui(Language.FR, "erase.done"));
        assertThat(RedisDump.keysMentioning(RedisDump.of(fixture.store), fixture.conversationId))
                .containsExactly(floodKey());
        assertThat(sealedValues(RedisDump.of(fixture.store))).isEmpty();
    }

    @Test
    void keepsTheFloodCounterThroughAnErase() {
        fixture.say("bonjour");
        fixture.say("effacer");
        fixture.say("1");
        assertThat(fixture.store.<String>call(jedis -> jedis.get(floodKey()))).isEqualTo("3");
        assertThat(fixture.store.<Long>call(jedis -> jedis.ttl(floodKey()))).isBetween(1L, 60L);
    }

    private static List<String> sealedValues(java.util.Map<String, List<String>> dump) {
        return dump.values().stream().flatMap(List::stream).filter(AddressSealer::isSealed)
                .collect(Collectors.toList());
    }
}

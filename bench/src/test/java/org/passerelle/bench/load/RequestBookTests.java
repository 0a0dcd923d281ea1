package org.passerelle.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import org.junit.jupiter.api.Test;
import org.passerelle.bench.MessageSample;

/** Every phase gets the same mix of messages, and every person still writes hers in order. */
class RequestBookTests {

    private static final int SENDERS = 30_000;
    private final RequestBook book = new RequestBook(AppUnderTest.Twilio.forBenchmarks(), 8080, SENDERS);

    @Test
    void anyStretchOfRequestsHoldsEveryMessageOfTheSampleInEqualShares() {
        var sample = MessageSample.all();
        for (long first : new long[] {0, 120_000, 345_000}) {
            var counts = new HashMap<String, Integer>();
            int stretch = 8_000;
            for (long i = first; i < first + stretch; i++) {
                counts.merge(book.text(i), 1, Integer::sum);
            }
            // "1" and "2" are messages of several languages: their share is as many times larger.
            var expected = new HashMap<String, Integer>();
            sample.forEach(m -> expected.merge(m.text(), stretch / sample.size(), Integer::sum));
            assertThat(counts.keySet()).as("from request %d", first).isEqualTo(expected.keySet());
            expected.forEach((text, share) -> assertThat(counts.get(text)).as("%s from request %d", text, first)
                    .isBetween(share * 8 / 10, share * 12 / 10));
        }
    }

    @Test
    void eachPersonGoesThroughHerLanguagesMessagesInOrder() {
        var sample = MessageSample.all();
        for (int sender : new int[] {0, 1, 7, 8, 9, 12_345, SENDERS - 1}) {
            var languages = sample.stream().map(MessageSample.Message::language).distinct().toList();
            var language = languages.get(sender % languages.size());
            var hers = sample.stream().filter(m -> m.language().equals(language)).map(MessageSample.Message::text)
                    .toList();
            int start = hers.indexOf(book.text(sender));
            for (int round = 0; round < 2 * hers.size(); round++) {
                assertThat(book.text(sender + (long) round * SENDERS))
                        .isEqualTo(hers.get((start + round) % hers.size()));
            }
        }
    }
}

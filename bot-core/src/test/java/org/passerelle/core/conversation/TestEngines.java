package org.passerelle.core.conversation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Supplier;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.load.ContentLoader;
import org.passerelle.core.nlu.IntentClassifier;
import org.passerelle.core.nlu.IntentModels;
import org.passerelle.core.nlu.LanguageDetector;
import org.passerelle.core.nlu.SafetyRules;
import org.passerelle.core.nlu.Understanding;
import org.passerelle.core.privacy.Pseudonymizer;
import org.passerelle.core.store.RedisStore;

/** Engines for tests: the shipped content and one understanding step, trained once per JVM. */
public final class TestEngines {

    /** The shipped content. */
    public static final ContentCatalog CONTENT = ContentLoader.fromClasspath();

    /** A pseudonym secret for tests. */
    public static final Pseudonymizer PSEUDONYMS =
            new Pseudonymizer("a test secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8));

    /** The nickname sealing of tests. */
    public static final org.passerelle.core.booking.Nicknames NICKNAMES =
            org.passerelle.core.booking.TestNicknames.NICKNAMES;

    private static Understanding understanding;

    private TestEngines() {
    }

    /** The understanding step trained on the shipped content. */
    public static synchronized Understanding understanding() {
        if (understanding == null) {
            understanding = new Understanding(SafetyRules.shipped(), LanguageDetector.shipped(),
                    new IntentModels(CONTENT, Runnable::run, IntentClassifier.DEFAULT_FLOOR));
        }
        return understanding;
    }

    /** An engine on the shipped content with the default settings. */
    public static ConversationEngine engine(RedisStore store, Clock clock) {
        return engine(() -> CONTENT, store, EngineSettings.defaults(), clock);
    }

    /**
     * The shipped services with the lawyer on Tuesday evenings, 18:00 and 19:00, one person at a
     * time, in French, English and Chinese.
     */
    public static org.passerelle.core.booking.Schedules lawyerOnTuesdays(RedisStore store) {
        var schedules = new org.passerelle.core.booking.Schedules(store);
        schedules.seedIfEmpty();
        schedules.addRule(new org.passerelle.core.booking.ScheduleRule("lawyer", java.time.DayOfWeek.TUESDAY,
                java.time.LocalTime.of(18, 0), java.time.LocalTime.of(20, 0), java.time.Duration.ofHours(1), 1,
                java.util.Set.of(org.passerelle.content.Language.FR, org.passerelle.content.Language.EN,
                        org.passerelle.content.Language.ZH),
                org.passerelle.core.booking.Recurrence.weekly()));
        return schedules;
    }

    /** An engine on the shipped content that books appointments. */
    public static ConversationEngine engine(RedisStore store, Clock clock,
            org.passerelle.core.booking.Appointments appointments) {
        return new ConversationEngine(() -> CONTENT, understanding(), appointments, store, PSEUDONYMS,
                EngineSettings.defaults(), clock);
    }

    /** The address sealer of tests, the outbox's and the handoff's. */
    public static final org.passerelle.core.privacy.AddressSealer ADDRESSES = new org.passerelle.core.privacy.AddressSealer(
            "a test secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8));

    /** The sealer of texts in tests (transcripts, nicknames, the outbox's replies). */
    public static final org.passerelle.core.privacy.AddressSealer TEXTS = org.passerelle.core.privacy.AddressSealer.forTexts(
            "a test secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8));

    /** The outbox's keys in tests: the address sealer above and the sealer of texts. */
    public static final org.passerelle.core.outbox.OutboxSealers OUTBOX_SEALERS =
            new org.passerelle.core.outbox.OutboxSealers(ADDRESSES, TEXTS);

    /** What an engine needs to hand conversations to mediators, with these settings. */
    public static HandoffSetup handoffSetup(RedisStore store, org.passerelle.core.handoff.HandoffSettings settings) {
        return new HandoffSetup(ADDRESSES, TEXTS,
                new org.passerelle.core.handoff.TeamHoursStore(store, settings.defaultHours()), settings);
    }

    /** An engine on the shipped content that hands conversations to mediators in full. */
    public static ConversationEngine engine(RedisStore store, Clock clock, HandoffSetup handoff) {
        return new ConversationEngine(() -> CONTENT, understanding(), null, store, PSEUDONYMS,
                EngineSettings.defaults(), clock, handoff);
    }

    /** An engine that books appointments (or not: null), hands over to mediators and counts statistics. */
    public static ConversationEngine engine(RedisStore store, Clock clock,
            org.passerelle.core.booking.Appointments appointments, HandoffSetup handoff,
            org.passerelle.core.stats.Stats stats) {
        return new ConversationEngine(() -> CONTENT, understanding(), appointments, store, PSEUDONYMS,
                EngineSettings.defaults(), clock, handoff, stats);
    }

    /** An engine that hands over to mediators, counts statistics and asks about the barriers she met. */
    public static ConversationEngine engine(RedisStore store, Clock clock, HandoffSetup handoff,
            org.passerelle.core.stats.Stats stats, org.passerelle.core.barriers.Barriers barriers) {
        return new ConversationEngine(() -> CONTENT, understanding(), null, store, PSEUDONYMS,
                EngineSettings.defaults(), clock, handoff, stats, barriers);
    }

    /** An engine on some content with some settings. */
    public static ConversationEngine engine(Supplier<ContentCatalog> content, RedisStore store,
            EngineSettings settings, Clock clock) {
        return new ConversationEngine(content, understanding(), store, PSEUDONYMS, settings, clock);
    }
}

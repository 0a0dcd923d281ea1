package org.passerelle.app;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.passerelle.core.channel.OutageNotice;
import org.passerelle.core.content.PublishedContent;
import org.passerelle.core.conversation.ConversationEngine;
import org.passerelle.core.conversation.EngineIntake;
import org.passerelle.core.journal.InboundJournal;
import org.passerelle.core.journal.JournalException;
import org.passerelle.core.journal.JournalSettings;
import org.passerelle.core.journal.JournaledIntake;
import org.passerelle.core.journal.UnavailableNotice;
import org.passerelle.core.nlu.LanguageDetector;
import org.passerelle.core.outbox.Outbox;
import org.passerelle.core.privacy.Pseudonymizer;
import org.passerelle.core.store.RedisStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The intake of the channels, with the inbound journal that keeps messages while Redis is down,
 * the notice said meanwhile, and the background task that replays the journal once Redis is back.
 */
@Configuration(proxyBeanMethods = false)
class JournalConfiguration {

    @Bean
    JournalSettings journalSettings(JournalProperties properties, PasserelleSettings settings,
            ConversationSettings conversation) {
        return properties.toSettings(settings.dataDir(), conversation.perMinute());
    }

    @Bean(destroyMethod = "close")
    InboundJournal inboundJournal(JournalSettings journal, EngineConfiguration.TextSealer texts,
            Pseudonymizer pseudonymizer) {
        try {
            return InboundJournal.open(journal, texts.sealer(), pseudonymizer);
        } catch (JournalException e) {
            throw new StartupException(e.getMessage(),
                    "Give this instance a writable passerelle.journal.directory, or its own passerelle.journal.node-id.",
                    e);
        }
    }

    /** What the connectors hand messages to: the engine's intake, or the journal while Redis is down. */
    @Bean
    JournaledIntake messageIntake(InboundJournal journal, JournalSettings settings, ConversationEngine engine,
            Outbox outbox, RedisStore store, Pseudonymizer pseudonymizer, Clock clock) {
        var engineIntake = new EngineIntake(engine, outbox, store);
        return new JournaledIntake(journal,
                new JournaledIntake.Intakes(engineIntake::receive, engineIntake::replay, pseudonymizer),
                store::ping, settings, clock);
    }

    /** The outage notice, from the content last read and detected in memory: never from Redis. */
    @Bean
    OutageNotice outageNotice(PublishedContent content) {
        return new UnavailableNotice(content::lastRead, LanguageDetector.shipped());
    }

    @Bean
    JournalReplay journalReplay(JournaledIntake intake, JournalProperties properties) {
        return new JournalReplay(intake, properties);
    }

    /** Asks Redis, every replay interval while messages wait, and replays the journal once it answers. */
    static final class JournalReplay implements SmartLifecycle {

        private static final Logger log = LoggerFactory.getLogger(JournalReplay.class);

        private final JournaledIntake intake;
        private final JournalProperties properties;
        private ScheduledExecutorService executor;
        private volatile boolean failing;

        JournalReplay(JournaledIntake intake, JournalProperties properties) {
            this.intake = intake;
            this.properties = properties;
        }

        @Override
        public synchronized void start() {
            executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                var thread = new Thread(runnable, "journal-replay");
                thread.setDaemon(true);
                return thread;
            });
            long every = properties.replayInterval().toMillis();
            executor.scheduleWithFixedDelay(this::pass, 0, every, TimeUnit.MILLISECONDS);
        }

        private void pass() {
            try {
                intake.replayPending();
                failing = false;
            } catch (RuntimeException e) {
                // The messages stay in the journal; say it once, not at every pass.
                if (!failing) {
                    log.error("inbound journal replay failed, tried again every {}", properties.replayInterval(), e);
                    failing = true;
                }
            }
        }

        @Override
        public synchronized void stop() {
            if (executor != null) {
                executor.shutdown();
                try {
                    executor.awaitTermination(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                executor = null;
            }
        }

        @Override
        public synchronized boolean isRunning() {
            return executor != null;
        }
    }
}

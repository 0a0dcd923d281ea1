package org.passerelle.app;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.ContentInvalidException;
import org.passerelle.content.load.ContentLoader;
import org.passerelle.content.validate.ContentValidator;
import org.passerelle.core.barriers.Barriers;
import org.passerelle.core.booking.Appointments;
import org.passerelle.core.content.ContentEditor;
import org.passerelle.core.content.PublishedContent;
import org.passerelle.core.conversation.ConversationEngine;
import org.passerelle.core.conversation.EngineSettings;
import org.passerelle.core.conversation.HandoffSetup;
import org.passerelle.core.nlu.IntentModelCache;
import org.passerelle.core.nlu.IntentModels;
import org.passerelle.core.nlu.LanguageDetector;
import org.passerelle.core.nlu.SafetyRules;
import org.passerelle.core.nlu.Understanding;
import org.passerelle.core.privacy.AddressSealer;
import org.passerelle.core.privacy.Keyring;
import org.passerelle.core.privacy.Pseudonymizer;
import org.passerelle.core.stats.Stats;
import org.passerelle.core.store.RedisStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the content, the pseudonyms and the conversation engine. */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ShippedContent shippedContent() {
        try {
            var files = ContentLoader.shippedFiles();
            return new ShippedContent(files, ContentLoader.fromFiles(files));
        } catch (ContentInvalidException e) {
            throw new StartupException("the shipped content is invalid: " + e.getMessage(),
                    "Correct the content files named above.", e);
        }
    }

    @Bean
    ContentCatalog contentCatalog(ShippedContent shipped) {
        return shipped.catalog();
    }

    @Bean
    ContentValidator contentValidator(ContentSettings settings) {
        return new ContentValidator(settings.requiredLanguageSet());
    }

    /** Staff edits; a publish is refused unless the validator accepts the whole result. */
    @Bean
    ContentEditor contentEditor(RedisStore store, ContentValidator validator, Clock clock) {
        return new ContentEditor(store, validator::requireValid, clock);
    }

    /**
     * The content in force; the shipped files become version 1 on the first start. The files are
     * read once: a version seeded now from them is not read back from Redis.
     */
    @Bean
    PublishedContent publishedContent(RedisStore store, ShippedContent shipped, ContentEditor editor) {
        ContentEditor.Seed seed;
        try {
            seed = editor.seedIfEmpty(shipped.files(), shipped.catalog());
        } catch (ContentInvalidException e) {
            throw new StartupException("the shipped content is invalid: " + e.getMessage(),
                    "Correct the content files named above.", e);
        }
        return new PublishedContent(store, shipped.catalog(), seed.created() ? seed.version() : 0);
    }

    /** The server secret behind the pseudonyms; it also opens what was sealed before key ids. */
    @Bean
    ServerSecret serverSecret(PrivacySettings privacy, RedisSettings redis, PasserelleSettings settings) {
        return new ServerSecret(PseudonymSecret.resolve(privacy, redis, settings.dataDir()));
    }

    @Bean
    Pseudonymizer pseudonymizer(ServerSecret secret) {
        return new Pseudonymizer(secret.bytes());
    }

    /** The sealing keys, each with its id; values sealed under any of them open. */
    @Bean
    Keyring keyring(PrivacySettings privacy, RedisSettings redis, PasserelleSettings settings) {
        return KeyringLoader.resolve(privacy, redis, settings.dataDir());
    }

    /** Seals addresses under the current key; the secret opens what earlier versions sealed. */
    @Bean
    AddressSealer addressSealer(Keyring keyring, ServerSecret secret) {
        return AddressSealer.forAddresses(keyring, secret.bytes());
    }

    /**
     * The one sealer of the texts about a person: conversation states, transcripts, nicknames,
     * replies waiting to leave.
     */
    @Bean
    TextSealer textSealer(Keyring keyring, ServerSecret secret) {
        return new TextSealer(AddressSealer.forTexts(keyring, secret.bytes()));
    }

    /**
     * The intent models of the content in force. Their first training starts here, in the
     * background, so that it runs beside the rest of the start; {@link IntentModelsReadiness}
     * holds the readiness until it is done, and a message that comes earlier waits for it.
     * Later trainings, after a publish, run on the same thread. The models are kept in the model
     * cache, so that a restart, or a publish that leaves a language's phrases as they were,
     * loads that language's model instead of training it.
     */
    @Bean(destroyMethod = "")
    IntentModels intentModels(PublishedContent content, ConversationSettings conversation,
            PasserelleSettings settings) {
        var background = Executors.newSingleThreadExecutor(daemon("intent-training"));
        var cache = IntentModelCache.in(conversation.modelCacheIn(settings.dataDir()));
        return IntentModels.startTraining(content.get(), background, background, conversation.intentFloor(), cache);
    }

    /** Reads each message: the safety rules, the language, then the intent. */
    @Bean
    Understanding understanding(IntentModels models) {
        var detector = LanguageDetector.shipped();
        // The statistical model is large: load it beside the training instead of on the first message.
        daemon("language-model-load").newThread(detector::preload).start();
        return new Understanding(SafetyRules.shipped(), detector, models);
    }

    @Bean
    IntentModelsReadiness intentModelsReadiness(IntentModels models) {
        return new IntentModelsReadiness(models);
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            var thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Bean
    ConversationEngine conversationEngine(PublishedContent content, Understanding understanding,
            Appointments appointments, RedisStore store, Pseudonymizer pseudonymizer, PrivacySettings privacy,
            ConversationSettings conversation, Clock clock, HandoffSetup handoff, Stats stats, Barriers barriers) {
        var settings = new EngineSettings(privacy.retention(), conversation.lockLease(), conversation.lockWait(),
                conversation.maxTextLength(), conversation.perMinute(), conversation.idleRestart());
        return new ConversationEngine(content, understanding, appointments, store, pseudonymizer, settings, clock,
                handoff, stats, barriers);
    }

    /**
     * The sealer for texts, under a type of its own so that it is never injected where the
     * address sealer is meant, nor the other way round.
     */
    record TextSealer(AddressSealer sealer) {
    }

    /** Holds the secret's bytes; a copy is handed out each time. */
    record ServerSecret(byte[] value) {

        byte[] bytes() {
            return value.clone();
        }

        @Override
        public String toString() {
            return "ServerSecret[hidden]";
        }
    }
}

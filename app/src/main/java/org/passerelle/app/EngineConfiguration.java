package org.passerelle.app;

import java.time.Clock;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.ContentInvalidException;
import org.passerelle.content.load.ContentLoader;
import org.passerelle.content.validate.ContentValidator;
import org.passerelle.core.content.ContentEditor;
import org.passerelle.core.content.PublishedContent;
import org.passerelle.core.conversation.ConversationEngine;
import org.passerelle.core.conversation.EngineSettings;
import org.passerelle.core.privacy.Pseudonymizer;
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
    ContentCatalog contentCatalog() {
        try {
            return ContentLoader.fromClasspath();
        } catch (ContentInvalidException e) {
            throw new StartupException("the shipped content is invalid: " + e.getMessage(),
                    "Correct the content files named above.", e);
        }
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

    /** The content in force; the shipped files become version 1 on the first start. */
    @Bean
    PublishedContent publishedContent(RedisStore store, ContentCatalog shipped, ContentEditor editor) {
        try {
            editor.seedIfEmpty(ContentLoader.shippedFiles());
        } catch (ContentInvalidException e) {
            throw new StartupException("the shipped content is invalid: " + e.getMessage(),
                    "Correct the content files named above.", e);
        }
        return new PublishedContent(store, shipped);
    }

    @Bean
    Pseudonymizer pseudonymizer(PrivacySettings privacy, RedisSettings redis, PasserelleSettings settings) {
        return new Pseudonymizer(PseudonymSecret.resolve(privacy, redis, settings.dataDir()));
    }

    @Bean
    ConversationEngine conversationEngine(PublishedContent content, RedisStore store, Pseudonymizer pseudonymizer,
            PrivacySettings privacy, ConversationSettings conversation, Clock clock) {
        var settings = new EngineSettings(privacy.retention(), conversation.lockLease(), conversation.lockWait(),
                conversation.maxTextLength(), conversation.perMinute());
        return new ConversationEngine(content, store, pseudonymizer, settings, clock);
    }
}

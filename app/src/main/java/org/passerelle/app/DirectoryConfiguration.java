package org.passerelle.app;

import java.time.Clock;
import org.passerelle.core.content.ContentEditor;
import org.passerelle.core.content.DirectoryEditor;
import org.passerelle.core.store.RedisStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the service directory editor beside the content editor whose versions it shares. */
@Configuration(proxyBeanMethods = false)
class DirectoryConfiguration {

    @Bean
    DirectoryEditor directoryEditor(ContentEditor editor, RedisStore store, Clock clock) {
        return new DirectoryEditor(editor, store, clock);
    }
}

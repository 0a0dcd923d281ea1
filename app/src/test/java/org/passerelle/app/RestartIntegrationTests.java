package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;
import org.passerelle.core.content.PublishedContent;
import org.passerelle.core.nlu.IntentModels;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A conversation goes on where it was after the whole application restarts. */
class RestartIntegrationTests {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start(String... more) {
        var args = new java.util.ArrayList<>(java.util.List.of("--server.port=0", "--passerelle.data-dir=" + dataDir,
                "--spring.main.banner-mode=off"));
        args.addAll(java.util.List.of(more));
        return new SpringApplicationBuilder(PasserelleApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void continuesTheConversationAfterARestart() throws Exception {
        String conversationId;
        try (var context = start()) {
            var she = new WebChatClient(port(context));
            she.say("start");
            she.say("lang:en");
            she.say("topics");
            conversationId = she.conversationId();
        }
        assertThat(dataDir.resolve("redis")).isDirectory();
        assertThat(dataDir.resolve(PseudonymSecret.FILE_NAME)).isRegularFile();
        try (var models = Files.list(dataDir.resolve("models"))) {
            assertThat(models).as("one trained intent model per language").hasSize(Language.values().length);
        }

        try (var context = start()) {
            var content = context.getBean(ContentCatalog.class);
            var inForce = context.getBean(PublishedContent.class).get();
            assertThat(context.getBean(IntentModels.class).forContent(inForce).loadedFromCache())
                    .as("the models of the same content are loaded, not trained").isEqualTo(Language.values().length);
            var she = new WebChatClient(port(context));
            she.resume(conversationId);
            var topic = content.topics().get(0);
            // "1" picks the first topic only if she is still on the topic list, in English.
            she.say("1");
            assertThat(she.lastText()).startsWith(
                    content.resolve(topic.in(Language.EN).orElseThrow().text(), Language.EN).strip());
        }
    }

    @Test
    void keepsTheGeneratedSecretReadableByItsOwnerOnly() throws Exception {
        try (var context = start()) {
            var file = dataDir.resolve(PseudonymSecret.FILE_NAME);
            assertThat(Files.getPosixFilePermissions(file))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            // The embedded Redis's own files (its append-only log) are its owner's alone too.
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("redis"))).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
        }
    }

    @Test
    void answersOldConversationsAfterASecondKeyIsAddedAndTheFirstRetired() throws Exception {
        String conversationId;
        try (var context = start()) {
            var she = new WebChatClient(port(context));
            she.say("start");
            she.say("lang:en");
            she.say("topics");
            conversationId = she.conversationId();
            assertThat(sealedState(context, conversationId)).startsWith("k:k1:");
        }
        var k2 = new byte[32];
        new java.security.SecureRandom().nextBytes(k2);
        var rotation = new String[] {"--passerelle.privacy.keys.k2=" + java.util.Base64.getEncoder().encodeToString(k2),
                "--passerelle.privacy.current-key=k2"};
        try (var context = start(rotation)) {
            // Sealed under k1 and read with k2 current: she is still on the topic list, in English.
            var content = context.getBean(ContentCatalog.class);
            var she = new WebChatClient(port(context));
            she.resume(conversationId);
            she.say("1");
            assertThat(she.lastText()).startsWith(content.resolve(content.topics().get(0).in(Language.EN)
                    .orElseThrow().text(), Language.EN).strip());
            she.say("0");
            assertThat(sealedState(context, conversationId)).startsWith("k:k2:");
            context.getBean(org.passerelle.core.privacy.Rekey.class).run();
        }
        // Everything was sealed again under k2: k1 can go.
        Files.delete(dataDir.resolve("keys").resolve("k1.key"));
        try (var context = start(rotation)) {
            var she = new WebChatClient(port(context));
            she.resume(conversationId);
            she.say("topics");
            she.say("1");
            var content = context.getBean(ContentCatalog.class);
            assertThat(she.lastText()).startsWith(content.resolve(content.topics().get(0).in(Language.EN)
                    .orElseThrow().text(), Language.EN).strip());
        }
    }

    private static String sealedState(ConfigurableApplicationContext context, String webChatId) {
        var store = context.getBean(org.passerelle.core.store.RedisStore.class);
        var pseudonym = context.getBean(org.passerelle.core.privacy.Pseudonymizer.class)
                .pseudonym(org.passerelle.core.channel.Channel.WEBCHAT, webChatId);
        return store.call(jedis -> jedis.hget(store.key("conv", pseudonym), "s"));
    }
}

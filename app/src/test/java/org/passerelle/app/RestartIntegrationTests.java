package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A conversation goes on where it was after the whole application restarts. */
class RestartIntegrationTests {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(PasserelleApplication.class)
                .run("--server.port=0", "--passerelle.data-dir=" + dataDir, "--spring.main.banner-mode=off");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void continuesTheConversationAfterARestart() {
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

        try (var context = start()) {
            var content = context.getBean(ContentCatalog.class);
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
        }
    }
}

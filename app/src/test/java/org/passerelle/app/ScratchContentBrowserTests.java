package org.passerelle.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.passerelle.content.Language;
import org.passerelle.content.TopicText;
import org.passerelle.core.content.ContentEditor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "passerelle.admin.bootstrap-username=admin",
        "passerelle.admin.bootstrap-password=a-long-test-password"})
class ScratchContentBrowserTests {
    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        var dir = Files.createTempDirectory("passerelle-scratch");
        registry.add("passerelle.data-dir", dir::toString);
    }
    @LocalServerPort int port;
    @Autowired ContentEditor editor;

    @Test
    void shots() throws Exception {
        var en = editor.catalog(1).topic("shelter").orElseThrow().in(Language.EN).orElseThrow();
        editor.saveDraft("shelter", Language.EN, new TopicText(en.status(), en.title(), en.text() + "\nNew line here.", en.sms(), en.phrases()), "admin");
        editor.publish(1, "admin", "a note");
        editor.saveDraft("health", Language.RO, editor.catalog(2).topic("health").orElseThrow().in(Language.RO).orElseThrow(), "admin");
        for (int width : new int[] {412, 1280}) {
            try (var c = HeadlessChromium.open(width, 1400)) {
                var base = "http://127.0.0.1:" + port;
                c.signIn(base + "/admin", "admin", "a-long-test-password", ".*/admin(\\?continue)?$");
                shot(c, base + "/admin/content", "grid-" + width);
                shot(c, base + "/admin/content/shelter/ar", "edit-ar-" + width);
                c.driver().get(base + "/admin/content/shelter/fr");
                c.await(By.id("sms")).sendKeys(" Vous êtes à l’abri.");
                Thread.sleep(1500);
                shot(c, null, "edit-fr-" + width);
                shot(c, base + "/admin/content/publish", "publish-" + width);
                shot(c, base + "/admin/content/history/2", "version-" + width);
            }
        }
    }

    private void shot(HeadlessChromium c, String url, String name) throws Exception {
        if (url != null) { c.driver().get(url); Thread.sleep(500); }
        var height = ((Number) c.script("return document.body.scrollHeight")).intValue();
        var file = c.driver().getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), Path.of("/tmp/shots/" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}

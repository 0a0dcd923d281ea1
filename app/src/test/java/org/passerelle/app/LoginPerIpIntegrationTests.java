package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The limit on failed sign-ins per client address: past it, the sign-in page asks to wait, even
 * with the right password and whichever account is tried.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "passerelle.admin.bootstrap-username=admin",
        "passerelle.admin.bootstrap-password=a-long-test-password",
        "passerelle.limits.login.attempts=3", "passerelle.limits.login.window=10m"})
class LoginPerIpIntegrationTests {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        var dir = Files.createTempDirectory("passerelle-login-limit-test");
        registry.add("passerelle.data-dir", dir::toString);
    }

    @LocalServerPort
    int port;

    @Test
    void asksToWaitAfterTooManyFailuresFromOneAddressEvenWithTheRightPassword() {
        var browser = new StaffBrowser(port);
        for (var username : new String[] {"anna", "boris", "chloe"}) {
            var failed = browser.signIn(username, "not-the-password");
            assertThat(failed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login?error"));
        }

        var held = browser.signIn("admin", "a-long-test-password");

        assertThat(held.statusCode()).isEqualTo(302);
        assertThat(held.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?wait"));
        assertThat(held.headers().firstValue("Retry-After")).isPresent();
        assertThat(browser.get("/admin").statusCode()).as("not signed in").isEqualTo(302);
        assertThat(browser.get("/login?wait&lang=fr").body()).contains("Trop de tentatives depuis cette adresse");
        assertThat(browser.get("/login?wait&lang=en").body()).contains("Too many attempts from this address");
    }
}

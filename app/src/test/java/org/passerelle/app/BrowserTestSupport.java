package org.passerelle.app;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the browser tests share: a phone-sized headless Chromium opened once per test class and
 * closed after it, and the address of the application under test. Each class keeps its own
 * application (its own data directory) through its own {@code @SpringBootTest}.
 */
abstract class BrowserTestSupport {

    static HeadlessChromium chromium;
    static ChromeDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void openBrowser() {
        chromium = HeadlessChromium.open(412, 915);
        browser = chromium.driver();
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }
}

package org.passerelle.connectors.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.connectors.telegram.TelegramSettings;
import org.passerelle.connectors.testkit.ConnectorHarness;
import org.passerelle.connectors.testkit.FixedNotice;
import org.passerelle.core.channel.MessageIntake;
import org.passerelle.core.limits.AddressLimiter;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * The per-address limit on the webhooks, in front of the Telegram webhook: forged calls past the
 * allowance get 429 with Retry-After, while Telegram's own calls still pass.
 */
class PerIpLimitIntegrationTests {

    private static final String SECRET = "limit-secret_93";
    private static final byte[] HASH_SECRET = "a test secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8);
    private static final ConnectorHarness harness = new ConnectorHarness();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static RedisStore store;
    private static ConfigurableApplicationContext context;
    private static URI webhook;
    private static int updateId = 7000;

    @BeforeAll
    static void start() {
        store = TestRedis.newStore();
        context = new SpringApplicationBuilder(WebhookBehindTheLimit.class)
                .properties("server.port=0", "spring.main.banner-mode=off",
                        "passerelle.telegram.token=123456789:AAlimit-token", "passerelle.telegram.mode=webhook",
                        "passerelle.telegram.webhook-secret=" + SECRET,
                        "passerelle.telegram.api-url=" + harness.apiUrl(),
                        "passerelle.limits.connectors.capacity=2", "passerelle.limits.connectors.window=10m")
                .run();
        webhook = URI.create("http://localhost:" + context.getEnvironment().getProperty("local.server.port")
                + "/connectors/telegram/webhook");
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        store.close();
        harness.close();
    }

    @BeforeEach
    void emptyTheBucket() {
        store.call(jedis -> jedis.keys(store.key("limit", "*")).stream().mapToLong(jedis::del).sum());
        harness.reset();
    }

    @Test
    void refusesForgedCallsPastTheAllowanceWithRetryAfter() throws Exception {
        assertThat(post("wrong").statusCode()).isEqualTo(403);
        assertThat(post("wrong").statusCode()).isEqualTo(403);

        var refused = post("wrong");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, 300L));
        assertThat(refused.body()).contains("\"status\":429");
        assertThat(harness.intake().received()).isEmpty();
    }

    @Test
    void letsTelegramsOwnCallsThroughEvenPastTheAllowance() throws Exception {
        post("wrong");
        post("wrong");
        assertThat(post("wrong").statusCode()).isEqualTo(429);

        var genuine = post(SECRET);

        assertThat(genuine.statusCode()).isEqualTo(200);
        assertThat(harness.intake().received()).singleElement()
                .satisfies(message -> assertThat(message.text()).isEqualTo("au secours"));
    }

    @Test
    void takesNothingFromTheAllowanceForTheChannelsOwnCalls() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(post(SECRET).statusCode()).isEqualTo(200);
        }
        assertThat(store.<java.util.Set<String>>call(jedis -> jedis.keys(store.key("limit", "*"))))
                .as("no bucket for proven calls").isEmpty();

        assertThat(post("wrong").statusCode()).as("the allowance is whole").isEqualTo(403);
        assertThat(post("wrong").statusCode()).isEqualTo(403);
        assertThat(post("wrong").statusCode()).isEqualTo(429);
    }

    private static HttpResponse<String> post(String secret) throws Exception {
        int id = ++updateId;
        var update = "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"date\":1772446530,"
                + "\"chat\":{\"id\":4242,\"type\":\"private\",\"first_name\":\"A\"},"
                + "\"from\":{\"id\":4242,\"is_bot\":false,\"first_name\":\"A\"},\"text\":\"au secours\"}}";
        var request = HttpRequest.newBuilder(webhook).header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", secret)
                .POST(HttpRequest.BodyPublishers.ofString(update)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @EnableConfigurationProperties(TelegramSettings.class)
    @ComponentScan(basePackages = "org.passerelle.connectors.telegram",
            excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*Tests.*"))
    @Import({PublicEndpointFilter.class, PerIpLimitFilter.class})
    static class WebhookBehindTheLimit {

        @Bean
        MessageIntake intake() {
            return harness.intake();
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        FixedNotice outageNotice() {
            return new FixedNotice();
        }

        @Bean
        AddressLimiter addressLimiter() {
            return new AddressLimiter(store, HASH_SECRET, Clock.systemUTC());
        }
    }
}

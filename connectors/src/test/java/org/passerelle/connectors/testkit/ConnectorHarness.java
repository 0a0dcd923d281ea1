package org.passerelle.connectors.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder.newRequestPattern;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.matching.UrlPattern;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared part of a connector contract test: a WireMock server standing in for the
 * channel's API (a request that no stub expected fails the case), a {@link RecordingIntake}
 * in place of the engine, and a {@link LogCapture}. Call {@link #reset()} before each case and
 * {@link #verifyClean(String...)} after it.
 */
public final class ConnectorHarness implements AutoCloseable {

    private final WireMockServer api = new WireMockServer(options().dynamicPort());
    private final RecordingIntake intake = new RecordingIntake();
    private LogCapture logs;

    /** Starts the stand-in API. */
    public ConnectorHarness() {
        api.start();
    }

    /** The stand-in API, to stub and to inspect. */
    public WireMockServer api() {
        return api;
    }

    /** Base URL of the stand-in API, e.g. {@code http://localhost:41234}. */
    public URI apiUrl() {
        return URI.create(api.baseUrl());
    }

    /**
     * Answers the requests to {@code url} with these responses, one each and in this order; a
     * request after the last one is one that no stub expected.
     */
    public void answerInOrder(RequestMethod method, UrlPattern url, List<ResponseDefinitionBuilder> responses) {
        var scenario = method.getName() + " " + url.getExpected();
        for (int i = 0; i < responses.size(); i++) {
            api.stubFor(request(method.getName(), url).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answered " + i)
                    .willSetStateTo("answered " + (i + 1))
                    .willReturn(responses.get(i)));
        }
    }

    /** The requests made to {@code url}, oldest first. */
    public List<LoggedRequest> requests(RequestMethod method, UrlPattern url) {
        return api.findAll(newRequestPattern(method, url)).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList();
    }

    /** The fields of a request's form-encoded body, decoded, in the order sent. */
    public static Map<String, String> form(LoggedRequest request) {
        var fields = new LinkedHashMap<String, String>();
        for (var pair : request.getBodyAsString().split("&")) {
            int equals = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    /** The intake the connector hands messages to. */
    public RecordingIntake intake() {
        return intake;
    }

    /** Starts capturing logs; call it once the framework under test has set up logging. */
    public void captureLogs() {
        if (logs == null) {
            logs = new LogCapture();
        }
    }

    /** The log capture; {@link #captureLogs()} must have been called. */
    public LogCapture logs() {
        assertThat(logs).as("captureLogs() was not called").isNotNull();
        return logs;
    }

    /** Forgets stubs, requests, intake and logs of the previous case. */
    public void reset() {
        api.resetAll();
        intake.reset();
        if (logs != null) {
            logs.clear();
        }
    }

    /**
     * Fails when a request reached the stand-in API without a stub for it, or when one of the
     * given values (token, chat id, phone number) was logged at INFO or above.
     */
    public void verifyClean(String... secrets) {
        assertThat(api.findAllUnmatchedRequests())
                .as("requests that no stub expected")
                .extracting(LoggedRequest::getUrl)
                .isEmpty();
        if (logs != null) {
            logs.assertNeverLogged(secrets);
        }
    }

    @Override
    public void close() {
        if (logs != null) {
            logs.close();
        }
        api.stop();
    }
}

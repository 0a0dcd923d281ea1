package org.passerelle.connectors.testkit;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;

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

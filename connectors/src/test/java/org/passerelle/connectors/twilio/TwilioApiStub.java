package org.passerelle.connectors.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
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
 * Stands in for Twilio's REST API: answers the Messages resource with a scripted sequence of
 * responses, and fails the test on any request that no stub expected.
 */
final class TwilioApiStub implements AutoCloseable {

    /** One scripted answer: an HTTP status and a JSON body, or a dropped connection. */
    record Answer(int status, String json, boolean dropConnection) {

        static Answer created() {
            return new Answer(201, """
                    {"sid": "SM00000000000000000000000000000001", "status": "queued", "num_segments": "1"}""", false);
        }

        static Answer error(int status, int code) {
            return new Answer(status, """
                    {"code": %d, "message": "refused", "more_info": "https://www.twilio.com/docs/errors/%d", "status": %d}"""
                    .formatted(code, code, status), false);
        }

        static Answer dropped() {
            return new Answer(0, "", true);
        }
    }

    private final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private final String messagesPath;

    TwilioApiStub(String accountSid) {
        this.messagesPath = "/2010-04-01/Accounts/" + accountSid + "/Messages.json";
        server.start();
    }

    URI baseUrl() {
        return URI.create(server.baseUrl());
    }

    /** Forgets earlier stubs and requests, then answers the next requests in this order. */
    void answer(List<Answer> answers) {
        server.resetAll();
        for (int i = 0; i < answers.size(); i++) {
            var answer = answers.get(i);
            var response = answer.dropConnection()
                    ? aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)
                    : aResponse().withStatus(answer.status()).withHeader("Content-Type", "application/json")
                            .withBody(answer.json());
            server.stubFor(post(urlEqualTo(messagesPath)).inScenario("answers")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answer " + i)
                    .willSetStateTo("answer " + (i + 1))
                    .willReturn(response));
        }
    }

    /** The requests made to the Messages resource, oldest first. */
    List<LoggedRequest> messageRequests() {
        return server.findAll(postRequestedFor(urlEqualTo(messagesPath))).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList();
    }

    /** The form fields of a request, in the order sent. */
    static Map<String, String> form(LoggedRequest request) {
        var fields = new LinkedHashMap<String, String>();
        for (var pair : request.getBodyAsString().split("&")) {
            int equals = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    void assertNoUnexpectedRequests() {
        assertThat(server.findAllUnmatchedRequests()).as("requests that no stub expected").isEmpty();
    }

    @Override
    public void close() {
        server.stop();
    }
}

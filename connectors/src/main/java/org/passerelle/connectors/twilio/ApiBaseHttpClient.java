package org.passerelle.connectors.twilio;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * Twilio's HTTP client, sending every request to the configured API base instead of Twilio's
 * own host, and trying each request once (neither the SDK nor Apache's client retries, not even
 * on 429 or 503): the outbox retries with back-off and de-duplication, so a second, hidden retry
 * here could only double a message.
 */
class ApiBaseHttpClient extends NetworkHttpClient {

    private static final RequestConfig TIMEOUTS = RequestConfig.custom()
            .setConnectionRequestTimeout(Timeout.ofSeconds(5))
            .setResponseTimeout(Timeout.ofSeconds(20))
            .build();

    private final URI apiBase;

    ApiBaseHttpClient(URI apiBase) {
        super(HttpClientBuilder.create()
                .useSystemProperties()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(5))
                                .setSocketTimeout(Timeout.ofSeconds(20))
                                .build())
                        .setMaxConnPerRoute(10)
                        .setMaxConnTotal(20)
                        .build())
                .setDefaultRequestConfig(TIMEOUTS)
                .disableAutomaticRetries());
        this.apiBase = apiBase;
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        return super.makeRequest(rewrite(request));
    }

    private Request rewrite(Request original) {
        var target = URI.create(original.getUrl());
        var url = apiBase.getScheme() + "://" + apiBase.getRawAuthority() + basePath() + target.getRawPath();
        var copy = new Request(original.getMethod(), url);
        copyAll(original.getQueryParams(), copy::addQueryParam);
        copyAll(original.getPostParams(), copy::addPostParam);
        copyAll(original.getHeaderParams(), copy::addHeaderParam);
        if (original.getAuthStrategy() != null) {
            copy.setAuth(original.getAuthStrategy());
        } else if (original.getUsername() != null) {
            copy.setAuth(original.getUsername(), original.getPassword());
        }
        copy.setContentType(original.getContentType());
        copy.setBody(original.getBody());
        copy.setFormParameters(original.getFormParameters());
        copy.setUserAgentExtensions(original.getUserAgentExtensions());
        return copy;
    }

    private String basePath() {
        var path = apiBase.getRawPath();
        return path == null || path.equals("/") ? "" : path.replaceAll("/+$", "");
    }

    private static void copyAll(Map<String, List<String>> from, BiConsumer<String, String> to) {
        if (from != null) {
            from.forEach((name, values) -> values.forEach(value -> to.accept(name, value)));
        }
    }
}

package org.passerelle.connectors.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.passerelle.core.limits.AddressLimiter;
import org.passerelle.core.limits.Decision;
import org.passerelle.core.limits.Limit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits the requests each client address makes to the channels' webhooks
 * ({@code /connectors/**}): over its allowance an address gets 429 with {@code Retry-After},
 * unless the request proves it is the channel's own ({@link ChannelProof}), so that a flood of
 * forged calls is cut short while no message of a person, a call for help above all, is ever
 * refused. The address is the one the web server reports: behind a proxy it is the client's
 * only when {@code server.forward-headers-strategy} tells the server to read
 * {@code X-Forwarded-For}; this filter never reads that header itself. A request is proven
 * before it is counted (a signature check, without Redis), so the channel's own calls cost no
 * round trip and only the others use up the allowance. Runs after
 * {@link PublicEndpointFilter}, so that the body it may read is already within its limit. Lets
 * everything through where no {@link AddressLimiter} is configured.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
@EnableConfigurationProperties(PerIpLimitSettings.class)
public class PerIpLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(PerIpLimitFilter.class);

    private final ObjectProvider<AddressLimiter> limiter;
    private final ObjectProvider<ChannelProof> proofs;
    private final PerIpLimitSettings settings;
    private final Limit limit;

    PerIpLimitFilter(ObjectProvider<AddressLimiter> limiter, ObjectProvider<ChannelProof> proofs,
            PerIpLimitSettings settings) {
        this.limiter = limiter;
        this.proofs = proofs;
        this.settings = settings;
        this.limit = new Limit("connectors", settings.capacity(), settings.window());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        return !settings.enabled() || !path.startsWith("/connectors/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var addresses = limiter.getIfAvailable();
        if (addresses == null) {
            chain.doFilter(request, response);
            return;
        }
        // The channel's own calls are recognised first, by CPU alone: only the others are counted.
        var buffered = BufferedBodyRequest.read(request, PublicEndpointFilter.MAX_BODY_BYTES);
        if (buffered != null && proven(buffered)) {
            chain.doFilter(buffered, response);
            return;
        }
        var decision = addresses.take(limit, request.getRemoteAddr());
        if (decision.allowed()) {
            chain.doFilter(buffered == null ? request : buffered, response);
            return;
        }
        log.info("request to {} refused: over the per-address limit", request.getRequestURI());
        tooMany(response, decision);
    }

    private boolean proven(HttpServletRequest request) {
        List<ChannelProof> all = proofs.orderedStream().toList();
        for (var proof : all) {
            try {
                if (proof.proves(request)) {
                    return true;
                }
            } catch (RuntimeException e) {
                log.warn("a channel proof failed: {}", e.getClass().getSimpleName());
            }
        }
        return false;
    }

    private static void tooMany(HttpServletResponse response, Decision decision) throws IOException {
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                + "\"detail\":\"too many requests from this address, try again in " + decision.retryAfterSeconds()
                + " s\"}");
    }
}

package org.passerelle.connectors.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the endpoints that anyone can reach (the chat page, the web chat API, the channel
 * webhooks): a body over the limit is refused with 413 before anything parses it, and every
 * answer carries headers that keep the page from being framed, sniffed, cached or referred.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class PublicEndpointFilter extends OncePerRequestFilter {

    /** Largest request body accepted on a public endpoint. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/chat") || path.startsWith("/webchat/") || path.startsWith("/connectors/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", CSP);
        if (request.getRequestURI().contains("/api/") || request.getRequestURI().startsWith("/connectors/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        long declared = request.getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            tooLarge(response);
            return;
        }
        if (declared < 0 && hasBody(request)) {
            // No declared length (chunked): read up to the limit before anyone parses it.
            var body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                tooLarge(response);
                return;
            }
            chain.doFilter(new BufferedBodyRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        var method = request.getMethod();
        return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
    }

    private static void tooLarge(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Payload Too Large\",\"status\":413,"
                + "\"detail\":\"the request body is larger than " + MAX_BODY_BYTES + " bytes\"}");
    }
}

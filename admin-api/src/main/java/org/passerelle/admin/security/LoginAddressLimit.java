package org.passerelle.admin.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.passerelle.core.limits.AddressLimiter;
import org.passerelle.core.limits.Limit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits failed sign-ins per client address: before Spring Security reads a {@code POST /login},
 * an address with no failed attempt left in its allowance is sent back to {@code /login?wait}
 * (the page says to wait) without its password being checked; after it, a failure (the
 * redirect to {@code /login?error}) takes one attempt. A success takes nothing, so a team signing
 * in from one office address is never held back. Works beside the lockout of each account, which
 * counts failures per username. The address is the one the web server reports (see
 * {@code server.forward-headers-strategy}); it is kept only as an HMAC. Runs just before Spring
 * Security's filters; lets everything through where no {@link AddressLimiter} is configured.
 */
@Component
@Order(LoginAddressLimit.ORDER)
@EnableConfigurationProperties(LoginLimitSettings.class)
class LoginAddressLimit extends OncePerRequestFilter {

    /** Just before Spring Security's filter chain (its default order is -100). */
    static final int ORDER = -101;

    private static final Logger log = LoggerFactory.getLogger(LoginAddressLimit.class);

    private final ObjectProvider<AddressLimiter> limiter;
    private final LoginLimitSettings settings;
    private final Limit limit;

    LoginAddressLimit(ObjectProvider<AddressLimiter> limiter, LoginLimitSettings settings) {
        this.limiter = limiter;
        this.settings = settings;
        this.limit = new Limit("login", settings.attempts(), settings.window());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        return !settings.enabled() || !"POST".equals(request.getMethod()) || !"/login".equals(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var addresses = limiter.getIfAvailable();
        if (addresses == null) {
            chain.doFilter(request, response);
            return;
        }
        var address = request.getRemoteAddr();
        var decision = addresses.check(limit, address);
        if (!decision.allowed()) {
            log.info("sign-in refused: too many failed attempts from one address, retry in {} s",
                    decision.retryAfterSeconds());
            response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
            response.sendRedirect(request.getContextPath() + "/login?wait");
            return;
        }
        chain.doFilter(request, response);
        var location = response.getHeader("Location");
        if (location != null && location.contains("/login?error")) {
            addresses.take(limit, address);
        }
    }
}

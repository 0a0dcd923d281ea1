package org.passerelle.admin.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.passerelle.core.handoff.StaffAccount;
import org.passerelle.core.handoff.Team;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session as soon as its account is deleted, changes role or gets a new
 * password, on whichever instance that happened: each request of a session compares the account
 * now in the {@link Team} with the one the session started with. Requests with HTTP Basic are
 * checked against the account at each request anyway.
 */
final class SessionAccountCheck extends OncePerRequestFilter {

    private static final String ACCOUNT = SessionAccountCheck.class.getName() + ".account";

    private final Team team;

    SessionAccountCheck(Team team) {
        this.team = team;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var session = request.getSession(false);
        var who = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken)) {
            var now = team.find(who.getName()).map(SessionAccountCheck::fingerprint);
            var then = session.getAttribute(ACCOUNT);
            if (then == null && now.isPresent()) {
                // The first request after signing in.
                session.setAttribute(ACCOUNT, now.get());
            } else if (!now.equals(Optional.ofNullable(then))) {
                session.invalidate();
                SecurityContextHolder.clearContext();
            }
        }
        chain.doFilter(request, response);
    }

    private static String fingerprint(StaffAccount account) {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest((account.role() + "\n" + account.passwordHash()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

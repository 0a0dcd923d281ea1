package org.passerelle.admin.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.passerelle.core.handoff.StaffAccount;
import org.passerelle.core.handoff.Team;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session when its account is deleted, changes role or gets a new password:
 * a request of the session compares the account now in the {@link Team} with the one the
 * session started with. A change made on this instance ends the session at its next request;
 * a change made on another instance, at its first request once {@link #RECHECK} has passed
 * since the session's account was last read, so within five seconds. The account is read
 * from Redis at most once per {@link #RECHECK} and session, and never for the static files
 * (style sheets, scripts), which are public. Requests with HTTP Basic are checked against the
 * account at each request anyway.
 */
final class SessionAccountCheck extends OncePerRequestFilter {

    /** How long a session's account, once read, is trusted without reading it again. */
    static final Duration RECHECK = Duration.ofSeconds(5);

    private static final String ACCOUNT = SessionAccountCheck.class.getName() + ".account";
    private static final String CHECKED = SessionAccountCheck.class.getName() + ".checked";
    private static final List<String> STATIC = List.of("/staff/", "/chat/", "/webjars/", "/favicon.ico");

    /** When the session's account was last read, and how many changes this instance had made then. */
    private record Checked(long atNanos, long teamChanges) implements Serializable {
    }

    private final Team team;
    private final LongSupplier nanoTime;

    SessionAccountCheck(Team team) {
        this(team, System::nanoTime);
    }

    SessionAccountCheck(Team team, LongSupplier nanoTime) {
        this.team = team;
        this.nanoTime = nanoTime;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        return STATIC.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var session = request.getSession(false);
        var who = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken)
                && !accountUnchanged(session, who.getName())) {
            session.invalidate();
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }

    /** Whether the session's account is the one it started with, read again only when it may have changed. */
    boolean accountUnchanged(HttpSession session, String username) {
        long changes = team.changesHere();
        long now = nanoTime.getAsLong();
        if (session.getAttribute(CHECKED) instanceof Checked checked && checked.teamChanges() == changes
                && now - checked.atNanos() >= 0 && now - checked.atNanos() < RECHECK.toNanos()) {
            return true;
        }
        var current = team.find(username).map(SessionAccountCheck::fingerprint);
        var then = session.getAttribute(ACCOUNT);
        if (then == null && current.isPresent()) {
            // The first request after signing in.
            session.setAttribute(ACCOUNT, current.get());
        } else if (!current.equals(Optional.ofNullable(then))) {
            return false;
        }
        session.setAttribute(CHECKED, new Checked(now, changes));
        return true;
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

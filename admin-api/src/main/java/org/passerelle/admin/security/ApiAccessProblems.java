package org.passerelle.admin.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * The REST API's answers when access is refused, as problem details: 401 with a Basic challenge
 * for a caller who is not signed in (or whose password is wrong), 403 for a staff member whose
 * role may not do this, or for a signed-in page that sent no valid CSRF token.
 */
final class ApiAccessProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "Passerelle staff";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        write(response, HttpStatus.UNAUTHORIZED,
                "Sign in with a staff account: HTTP Basic, or the session of the staff pages.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, HttpStatus.FORBIDDEN, e instanceof CsrfException
                ? "Missing or stale CSRF token: send the page's token in the X-CSRF-TOKEN header."
                : "Your account's role may not do this.");
    }

    private static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // The details are fixed sentences without quotes, so no JSON escaping is needed.
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}");
    }
}

package org.passerelle.admin.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every successful change a signed-in staff member makes (POST, PUT, PATCH, DELETE
 * answered below 400) as the method and the route template, with the route's variables and the
 * status: {@code POST /api/inbox/conversations/{id}/claim}. Never the body or the query, which may
 * hold a message text.
 */
final class AuditInterceptor implements HandlerInterceptor {

    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final StaffAudit audit;

    AuditInterceptor(StaffAudit audit) {
        this.audit = audit;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (ex != null || !(handler instanceof HandlerMethod) || !CHANGES.contains(request.getMethod())
                || response.getStatus() >= 400) {
            return;
        }
        var caller = SecurityContextHolder.getContext().getAuthentication();
        var template = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (caller == null || !caller.isAuthenticated() || caller instanceof AnonymousAuthenticationToken
                || template == null) {
            return;
        }
        audit.action(caller.getName(), caller.getAuthorities(), request.getMethod() + " " + template,
                variables(request), response.getStatus());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> variables(HttpServletRequest request) {
        var variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
    }
}

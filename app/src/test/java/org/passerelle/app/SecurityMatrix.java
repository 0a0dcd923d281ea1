package org.passerelle.app;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The security matrix as data: each staff endpoint and page, and what an anonymous caller, a
 * mediator and an admin must get from it. A new endpoint needs its row here.
 */
final class SecurityMatrix {

    private SecurityMatrix() {
    }

    enum Caller { ANONYMOUS, MEDIATOR, ADMIN }

    /** What a caller must get: a description and a test of the status (and Location). */
    record Expect(String label, IntPredicate status, boolean toLogin) {

        boolean matches(HttpResponse<String> response) {
            var location = response.headers().firstValue("Location").orElse("");
            if (toLogin) {
                return response.statusCode() == 302 && location.endsWith("/login");
            }
            return status.test(response.statusCode()) && !location.endsWith("/login");
        }
    }

    static final Expect UNAUTHORIZED = new Expect("401", s -> s == 401, false);
    static final Expect FORBIDDEN = new Expect("403", s -> s == 403, false);
    static final Expect LOGIN = new Expect("redirect to /login", s -> s == 302, true);
    // Let through security: the handler answers, whatever it says; 5xx would hide a refusal.
    static final Expect THROUGH = new Expect("let through", s -> s != 401 && s != 403 && s < 500, false);

    static Expect status(int... statuses) {
        return new Expect(Arrays.toString(statuses),
                s -> Arrays.stream(statuses).anyMatch(x -> x == s), false);
    }

    /** One endpoint and what each caller gets. */
    record Row(String method, String path, String body, Map<Caller, Expect> expected) {

        static Row of(String method, String path, String body, Expect anonymous, Expect mediator, Expect admin) {
            var expected = new EnumMap<Caller, Expect>(Caller.class);
            expected.put(Caller.ANONYMOUS, anonymous);
            expected.put(Caller.MEDIATOR, mediator);
            expected.put(Caller.ADMIN, admin);
            return new Row(method, path, body, expected);
        }

        String pathOnly() {
            int query = path.indexOf('?');
            return query < 0 ? path : path.substring(0, query);
        }
    }

    static Row adminOnly(String method, String path, String body, Expect admin) {
        return Row.of(method, path, body, UNAUTHORIZED, FORBIDDEN, admin);
    }

    static Row staff(String method, String path, String body, Expect staff) {
        return Row.of(method, path, body, UNAUTHORIZED, staff, staff);
    }

    static Row open(String method, String path, String body, Expect everyone) {
        return Row.of(method, path, body, everyone, everyone, everyone);
    }

    static final List<Row> API = List.of(
            // The content editor: admins only.
            adminOnly("GET", "/api/content", null, status(200)),
            adminOnly("GET", "/api/content/versions", null, status(200)),
            adminOnly("GET", "/api/content/topics/legal_status", null, status(200)),
            adminOnly("PUT", "/api/content/topics/legal_status/drafts/en", "{}", status(400)),
            adminOnly("DELETE", "/api/content/topics/legal_status/drafts/zh", null, status(404)),
            adminOnly("POST", "/api/content/publish", "{}", status(400)),
            adminOnly("POST", "/api/content/rollback", "{}", status(400)),
            // The service directory editor: admins only.
            adminOnly("GET", "/api/content/directory", null, status(200)),
            adminOnly("PUT", "/api/content/directory/pad18.address", "{\"remove\": true}", status(409)),
            adminOnly("DELETE", "/api/content/directory/pad18.address", null, status(404)),
            // The appointments: mediators and admins, except the calendar's secret address.
            staff("GET", "/api/services", null, status(200)),
            staff("GET", "/api/services/pad", null, status(200)),
            staff("PUT", "/api/services/matrix-desk", "{\"placeKey\": \"pad18.address\", \"defaultSlotMinutes\": 60}",
                    status(200, 201)),
            staff("GET", "/api/services/pad/slots?from=2026-12-01&to=2026-12-02", null, status(200)),
            staff("GET", "/api/services/pad/bookings?date=2026-12-01", null, status(200)),
            staff("POST", "/api/services/pad/bookings/ZZZZZ/attendance", "{\"status\": \"attended\"}", status(404)),
            staff("GET", "/api/services/pad/rules", null, status(200)),
            staff("POST", "/api/services/pad/rules", "{}", status(400)),
            staff("DELETE", "/api/services/pad/rules/r999999", null, status(404)),
            staff("GET", "/api/services/pad/exceptions", null, status(200)),
            staff("POST", "/api/services/pad/exceptions", "{}", status(400)),
            staff("DELETE", "/api/services/pad/exceptions/x999999", null, status(404)),
            adminOnly("GET", "/api/services/pad/calendar", null, status(200)),
            // The team: admins only.
            adminOnly("GET", "/api/team/mediators", null, status(200)),
            adminOnly("GET", "/api/team/mediators/amina", null, status(200)),
            adminOnly("POST", "/api/team/mediators", "{}", status(400)),
            adminOnly("PUT", "/api/team/mediators/nobody", "{}", status(404)),
            adminOnly("PUT", "/api/team/mediators/nobody/password", "{\"password\": \"long-enough-password\"}",
                    status(404)),
            adminOnly("DELETE", "/api/team/mediators/nobody", null, status(404)),
            adminOnly("GET", "/api/team/hours", null, THROUGH),
            adminOnly("PUT", "/api/team/hours", "{}", THROUGH),
            // The inbox: mediators and admins.
            staff("GET", "/api/inbox/conversations", null, THROUGH),
            staff("GET", "/api/inbox/conversations/c-unknown", null, THROUGH),
            staff("POST", "/api/inbox/conversations/c-unknown/claim", null, THROUGH),
            staff("POST", "/api/inbox/conversations/c-unknown/messages", "{\"text\": \"hello\"}", THROUGH),
            staff("POST", "/api/inbox/conversations/c-unknown/release", null, THROUGH),
            staff("POST", "/api/inbox/conversations/c-unknown/transfer", "{\"to\": \"admin\"}", THROUGH),
            staff("POST", "/api/inbox/conversations/c-unknown/close", null, THROUGH),
            // The anonymous statistics: admins only.
            adminOnly("GET", "/api/stats?from=2026-11-01&to=2026-11-30", null, status(200)),
            adminOnly("GET", "/api/stats.csv?from=2026-11-01&to=2026-11-30", null, status(200)),
            adminOnly("GET", "/api/stats?from=2026-11-30&to=2026-11-01", null, status(400)),
            // The barriers met, for advocacy: admins only.
            adminOnly("GET", "/api/stats/barriers?from=2026-01&to=2026-11", null, status(200)),
            adminOnly("GET", "/api/stats/barriers.csv?from=2026-01&to=2026-11", null, status(200)),
            adminOnly("GET", "/api/stats/barriers?from=2026-11&to=2026-01", null, status(400)),
            // The audit log: admins only.
            adminOnly("GET", "/api/audit?from=2026-11-01&to=2026-11-02", null, status(200)),
            adminOnly("GET", "/api/audit.csv?from=2026-11-01T00:00:00Z", null, status(200)),
            // The API's description, for admins' scripts.
            adminOnly("GET", "/v3/api-docs", null, status(200)),
            // Anything else under /api is for admins until it says otherwise.
            adminOnly("GET", "/api/not-yet-there", null, status(404)),
            // Health and metrics for the probes and the scraper.
            open("GET", "/actuator/health", null, status(200)),
            open("GET", "/actuator/prometheus", null, status(200)));

    static final List<Row> PAGES = List.of(
            Row.of("GET", "/inbox", null, LOGIN, THROUGH, THROUGH),
            Row.of("GET", "/inbox/conversations/c-unknown", null, LOGIN, THROUGH, THROUGH),
            Row.of("GET", "/admin", null, LOGIN, FORBIDDEN, THROUGH),
            Row.of("GET", "/admin/content", null, LOGIN, FORBIDDEN, THROUGH),
            // The team, the audit log and the statistics: admins only.
            Row.of("GET", "/admin/team", null, LOGIN, FORBIDDEN, status(200)),
            Row.of("GET", "/admin/team/accounts/admin", null, LOGIN, FORBIDDEN, status(200)),
            Row.of("GET", "/admin/audit?from=2026-11-01&to=2026-11-02", null, LOGIN, FORBIDDEN, status(200)),
            Row.of("GET", "/admin/audit.csv?from=2026-11-01&to=2026-11-02", null, LOGIN, FORBIDDEN, status(200)),
            Row.of("GET", "/admin/stats?from=2026-11-01&to=2026-11-30", null, LOGIN, FORBIDDEN, status(200)),
            Row.of("GET", "/admin/content/directory", null, LOGIN, FORBIDDEN, THROUGH),
            Row.of("GET", "/admin/content?show=review", null, LOGIN, FORBIDDEN, status(200)),
            Row.of("GET", "/admin/content/legal_status/en", null, LOGIN, FORBIDDEN, status(200)),
            Row.of("GET", "/admin/content/preview?language=en&sms=hello", null, LOGIN, FORBIDDEN, status(200)),
            Row.of("GET", "/admin/content/publish", null, LOGIN, FORBIDDEN, status(200)),
            Row.of("GET", "/admin/content/history", null, LOGIN, FORBIDDEN, status(200)),
            Row.of("GET", "/admin/content/history/1", null, LOGIN, FORBIDDEN, status(200)),
            Row.of("GET", "/admin/schedules", null, LOGIN, FORBIDDEN, status(200)),
            Row.of("GET", "/admin/schedules/pad", null, LOGIN, FORBIDDEN, status(200)),
            Row.of("GET", "/admin/schedules/pad/week?start=2026-12-01", null, LOGIN, FORBIDDEN, status(200)),
            Row.of("GET", "/v3/api-docs", null, UNAUTHORIZED, FORBIDDEN, status(200)),
            Row.of("GET", "/swagger-ui/index.html", null, LOGIN, FORBIDDEN, status(200)),
            // The person's side and the sign-in page need no account.
            open("GET", "/chat", null, status(200)),
            open("GET", "/login", null, status(200)),
            // The one-time setup link is open to all, and useless once an account exists.
            open("GET", "/setup/not-the-token", null, status(410)),
            open("GET", "/calendar/pad/not-the-token.ics", null, status(404)));
}

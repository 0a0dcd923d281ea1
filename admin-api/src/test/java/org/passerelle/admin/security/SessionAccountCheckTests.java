package org.passerelle.admin.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.core.handoff.StaffAccount;
import org.passerelle.core.handoff.StaffRole;
import org.passerelle.core.handoff.Team;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;

class SessionAccountCheckTests {

    private final RedisStore store = TestRedis.newStore();
    private final Team here = new Team(store);
    // Another instance: its own Team on the same Redis.
    private final Team elsewhere = new Team(store);
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final SessionAccountCheck check = new SessionAccountCheck(here, nanos::get);
    private final HttpSession session = session();

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void aNewPasswordGivenOnThisInstanceEndsTheSessionAtItsNextRequest() {
        here.create(account("rosa", StaffRole.MEDIATOR, "{bcrypt}first"));
        assertThat(check.accountUnchanged(session, "rosa")).isTrue();

        here.changePasswordHash("rosa", "{bcrypt}second");

        assertThat(check.accountUnchanged(session, "rosa")).isFalse();
    }

    @Test
    void aChangeMadeOnAnotherInstanceEndsTheSessionOnceTheRecheckTimeHasPassed() {
        here.create(account("rosa", StaffRole.MEDIATOR, "{bcrypt}first"));
        assertThat(check.accountUnchanged(session, "rosa")).isTrue();

        elsewhere.updateProfile(account("rosa", StaffRole.ADMIN, "{bcrypt}first"));
        nanos.addAndGet(SessionAccountCheck.RECHECK.toNanos() - 1);
        assertThat(check.accountUnchanged(session, "rosa")).as("read less than the recheck time ago").isTrue();

        nanos.addAndGet(1);
        assertThat(check.accountUnchanged(session, "rosa")).isFalse();
    }

    @Test
    void aDeletedAccountEndsItsSessions() {
        here.create(account("rosa", StaffRole.MEDIATOR, "{bcrypt}first"));
        here.create(account("amina", StaffRole.ADMIN, "{bcrypt}hers"));
        assertThat(check.accountUnchanged(session, "rosa")).isTrue();

        elsewhere.remove("rosa");
        nanos.addAndGet(SessionAccountCheck.RECHECK.toNanos());

        assertThat(check.accountUnchanged(session, "rosa")).isFalse();
    }

    @Test
    void anUnchangedAccountKeepsItsSessionAcrossRechecks() {
        here.create(account("rosa", StaffRole.MEDIATOR, "{bcrypt}first"));
        here.create(account("amina", StaffRole.ADMIN, "{bcrypt}hers"));
        assertThat(check.accountUnchanged(session, "rosa")).isTrue();

        here.changePasswordHash("amina", "{bcrypt}new");
        assertThat(check.accountUnchanged(session, "rosa")).as("someone else's change").isTrue();
        nanos.addAndGet(SessionAccountCheck.RECHECK.toNanos() * 3);
        assertThat(check.accountUnchanged(session, "rosa")).isTrue();
    }

    @Test
    void staticFilesAreNotChecked() {
        assertThat(check.shouldNotFilter(request("/staff/staff.css"))).isTrue();
        assertThat(check.shouldNotFilter(request("/webjars/htmx.org/dist/htmx.min.js"))).isTrue();
        assertThat(check.shouldNotFilter(request("/chat/chat.js"))).isTrue();
        assertThat(check.shouldNotFilter(request("/inbox"))).isFalse();
        assertThat(check.shouldNotFilter(request("/api/services"))).isFalse();
        assertThat(check.shouldNotFilter(request("/admin/staff"))).isFalse();
    }

    private static StaffAccount account(String username, StaffRole role, String hash) {
        return new StaffAccount(username, username, role, hash, Set.of(), Set.of());
    }

    private static HttpSession session() {
        var attributes = new HashMap<String, Object>();
        return (HttpSession) Proxy.newProxyInstance(HttpSession.class.getClassLoader(),
                new Class<?>[] {HttpSession.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static HttpServletRequest request(String path) {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRequestURI" -> path;
                    case "getContextPath" -> "";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}

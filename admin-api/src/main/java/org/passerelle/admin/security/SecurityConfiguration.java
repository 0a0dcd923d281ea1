package org.passerelle.admin.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Locale;
import org.passerelle.admin.audit.StaffAudit;
import org.passerelle.core.handoff.SignInAttempts;
import org.passerelle.core.handoff.StaffAccount;
import org.passerelle.core.handoff.Team;
import org.passerelle.core.store.RedisStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. Staff sign in with their account of the {@link Team}: the pages
 * ({@code /inbox}, {@code /admin}) by a form and a session, with CSRF tokens; scripts by HTTP
 * Basic on {@code /api}, which also accepts the pages' session (then with its CSRF token).
 * Mediators and admins use the inbox and the appointments; only admins edit the content and the
 * team, read the audit log and the API's description. The person's side (chat page, web chat API,
 * channel webhooks, calendar feeds behind their secret) needs no account.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    static final String ADMIN = "ADMIN";
    static final String MEDIATOR = "MEDIATOR";

    // Only a page's session can be ridden by another site; a script's Basic credentials cannot be
    // sent by another site's page, and without a session there is nothing to ride: 401 says more.
    private static final RequestMatcher SESSION_CHANGE = new AndRequestMatcher(CsrfFilter.DEFAULT_CSRF_MATCHER,
            request -> request.getSession(false) != null && !basicCredentials(request));

    /** The REST API and the actuator: 401 or 403 as problem details, never a login page. */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, Team team) throws Exception {
        var problems = new ApiAccessProblems();
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/inbox/**").hasAnyRole(MEDIATOR, ADMIN)
                        // The feed's secret address is handed out by admins.
                        .requestMatchers(HttpMethod.GET, "/api/services/*/calendar").hasRole(ADMIN)
                        .requestMatchers("/api/services/**").hasAnyRole(MEDIATOR, ADMIN)
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        // Content, team, and whatever is added later without a rule of its own.
                        .anyRequest().hasRole(ADMIN))
                .httpBasic(basic -> basic.realmName(ApiAccessProblems.REALM).authenticationEntryPoint(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SESSION_CHANGE))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .addFilterAfter(new SessionAccountCheck(team), SecurityContextHolderFilter.class);
        return http.build();
    }

    /**
     * The API description and its Swagger UI, for admins: by HTTP Basic or with a page's session.
     * Without either, the description answers 401 and the UI sends to the login form.
     */
    @Bean
    @Order(2)
    SecurityFilterChain apiDocsSecurity(HttpSecurity http, Team team) throws Exception {
        var problems = new ApiAccessProblems();
        var toLogin = new LoginUrlAuthenticationEntryPoint("/login");
        http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
                        "/swagger-ui/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(ADMIN))
                .httpBasic(basic -> basic.realmName(ApiAccessProblems.REALM).authenticationEntryPoint(problems))
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(toLogin, PathPatternRequestMatcher.withDefaults()
                                .matcher("/swagger-ui/**"))
                        .defaultAuthenticationEntryPointFor(toLogin, PathPatternRequestMatcher.withDefaults()
                                .matcher("/swagger-ui.html"))
                        .defaultAuthenticationEntryPointFor(problems, AnyRequestMatcher.INSTANCE)
                        .accessDeniedHandler(problems))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SESSION_CHANGE))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .addFilterAfter(new SessionAccountCheck(team), SecurityContextHolderFilter.class);
        return http.build();
    }

    /** The pages: a form login and a session; everything else is the person's side and public. */
    @Bean
    @Order(3)
    SecurityFilterChain pageSecurity(HttpSecurity http, Team team) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/inbox", "/inbox/**").hasAnyRole(MEDIATOR, ADMIN)
                        .requestMatchers("/admin", "/admin/**").hasRole(ADMIN)
                        // Useless once an account exists: the page itself refuses then.
                        .requestMatchers("/setup/**").permitAll()
                        .anyRequest().permitAll())
                .formLogin(form -> form.loginPage("/login").successHandler(landing()).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                // The person's side carries no staff cookie to ride on; webhooks check their signatures.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/webchat/**", "/connectors/**"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .addFilterAfter(new SessionAccountCheck(team), SecurityContextHolderFilter.class);
        return http.build();
    }

    /** After signing in: the page she was sent away from, else the admin pages for an admin, the inbox for a mediator. */
    private static AuthenticationSuccessHandler landing() {
        return new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
                    Authentication authentication) {
                boolean admin = authentication.getAuthorities().stream()
                        .anyMatch(authority -> ("ROLE_" + ADMIN).equals(authority.getAuthority()));
                return admin ? "/admin" : "/inbox";
            }
        };
    }

    private static boolean basicCredentials(HttpServletRequest request) {
        var header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    Team team(RedisStore store) {
        return new Team(store);
    }

    @Bean
    SignInAttempts signInAttempts(RedisStore store, AdminSettings settings) {
        return new SignInAttempts(store, settings.maxFailedSignIns(), settings.lockout());
    }

    @Bean
    StaffUserDetails staffUserDetails(Team team, SignInAttempts attempts) {
        return new StaffUserDetails(team, attempts);
    }

    /**
     * Counts the wrong passwords of existing accounts, by form or by Basic, and clears them on
     * success; writes sign-ins through the form, failures and lockouts to the audit (a script's
     * Basic credentials, checked on every call, are not a sign-in each time).
     */
    @Bean
    ApplicationListener<AbstractAuthenticationEvent> signInOutcomes(Team team, SignInAttempts attempts,
            StaffAudit audit) {
        return event -> {
            var name = event.getAuthentication().getName();
            if (event instanceof AuthenticationFailureBadCredentialsEvent) {
                var account = team.find(name == null ? "" : name.strip().toLowerCase(Locale.ROOT));
                audit.signInFailed(account.map(StaffAccount::username).orElse(null));
                if (account.isPresent() && attempts.failed(account.get().username())) {
                    log.warn("staff account '{}' locked after repeated failed sign-ins", account.get().username());
                    audit.locked(account.get().username());
                }
            } else if (event instanceof AuthenticationFailureLockedEvent) {
                audit.refusedWhileLocked(name);
            } else if (event instanceof InteractiveAuthenticationSuccessEvent) {
                audit.signedIn(name, event.getAuthentication().getAuthorities());
            } else if (event instanceof AuthenticationSuccessEvent) {
                attempts.succeeded(name);
            }
        };
    }

    /** Creates the first admin before the server takes requests. */
    @Bean
    SmartInitializingSingleton firstAdmin(Team team, AdminSettings settings, PasswordEncoder encoder) {
        return () -> new FirstAdmin(team, settings, encoder).ensure();
    }

    /** A staff session ends after the configured time without a request. */
    @Bean
    HttpSessionListener sessionTimeout(AdminSettings settings) {
        int seconds = Math.toIntExact(settings.sessionTimeout().toSeconds());
        return new HttpSessionListener() {
            @Override
            public void sessionCreated(HttpSessionEvent event) {
                event.getSession().setMaxInactiveInterval(seconds);
            }
        };
    }

    /** Another site's page cannot send the session cookie with its own forms or scripts. */
    @Bean
    CookieSameSiteSupplier sessionCookieSameSite() {
        return CookieSameSiteSupplier.ofLax().whenHasName("JSESSIONID");
    }
}

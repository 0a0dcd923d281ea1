package org.passerelle.admin.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Staff endpoints need an account (HTTP Basic for scripts); the person's side needs none. Until
 * staff accounts are kept in Redis, the only account is the bootstrap admin of the configuration.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    static final String ADMIN = "ADMIN";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/**", "/admin/**", "/inbox/**").hasRole(ADMIN)
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus").permitAll()
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        .anyRequest().permitAll())
                .httpBasic(Customizer.withDefaults())
                // The public endpoints carry no cookie to ride on; staff scripts use Basic.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/webchat/**", "/connectors/**", "/api/**"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService staffAccounts(AdminSettings settings, PasswordEncoder encoder) {
        var accounts = new InMemoryUserDetailsManager();
        if (!settings.hasBootstrapAccount()) {
            log.warn("no staff account: set passerelle.admin.bootstrap-username and "
                    + "passerelle.admin.bootstrap-password to create the first admin");
            return accounts;
        }
        if (settings.bootstrapPassword().length() < AdminSettings.MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("passerelle.admin.bootstrap-password is shorter than "
                    + AdminSettings.MIN_PASSWORD_LENGTH + " characters");
        }
        accounts.createUser(User.withUsername(settings.bootstrapUsername())
                .password(encoder.encode(settings.bootstrapPassword()))
                .roles(ADMIN)
                .build());
        log.info("bootstrap admin account '{}' ready", settings.bootstrapUsername());
        return accounts;
    }
}

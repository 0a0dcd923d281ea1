package org.passerelle.admin.audit;

import java.time.Clock;
import org.passerelle.core.audit.AuditLog;
import org.passerelle.core.store.RedisStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The audit log and the interceptor that feeds it from the staff's routes. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    AuditLog auditLog(RedisStore store, AuditSettings settings, Clock clock) {
        return new AuditLog(store, settings.retention(), settings.maxLength(), clock);
    }

    @Bean
    StaffAudit staffAudit(AuditLog auditLog) {
        return new StaffAudit(auditLog);
    }

    @Bean
    WebMvcConfigurer auditedRoutes(StaffAudit audit) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new AuditInterceptor(audit))
                        .addPathPatterns("/api/**", "/inbox/**", "/admin/**");
            }
        };
    }
}

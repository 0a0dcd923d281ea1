package org.passerelle.admin.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The language of the staff pages: French unless the staff member picked English with
 * {@code ?lang=en}, remembered in a cookie. The browser's own preference is not used, so that a
 * shared office computer shows the team's language.
 */
@Configuration(proxyBeanMethods = false)
class PageLocaleConfiguration implements WebMvcConfigurer {

    static final String PARAMETER = "lang";

    /** The languages the pages are written in; the first is the default. */
    static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new SupportedLocaleResolver();
        resolver.setDefaultLocale(SUPPORTED.get(0));
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor();
        change.setParamName(PARAMETER);
        // An unknown language in the link is ignored rather than failing the page.
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).addPathPatterns("/inbox/**", "/admin/**", "/login");
    }

    /** Keeps only the languages the pages are written in; anything else means the default. */
    static final class SupportedLocaleResolver extends CookieLocaleResolver {

        SupportedLocaleResolver() {
            super("passerelle-lang");
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            var language = locale == null ? "" : locale.getLanguage();
            var supported = SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst()
                    .orElse(SUPPORTED.get(0));
            super.setLocale(request, response, supported);
        }
    }
}

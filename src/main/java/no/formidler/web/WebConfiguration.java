package no.formidler.web;

import jakarta.servlet.Filter;
import no.formidler.system.DatabaseAvailability;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.json.JsonMapper;

/** Filters that run before authentication, in the reference's order (docs/compatibility.md §2). */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {
    /** First of all, before the API-key check too: every later filter and rule sees the path without the slash. */
    @Bean
    FilterRegistrationBean<TrailingSlashFilter> trailingSlashFilter() {
        FilterRegistrationBean<TrailingSlashFilter> registration = new FilterRegistrationBean<>(new TrailingSlashFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<TraceIdFilter> traceIdFilter() {
        return first(new TraceIdFilter(), 0);
    }

    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
        return first(new SecurityHeadersFilter(), 1);
    }

    @Bean
    FilterRegistrationBean<AcceptHeaderFilter> acceptHeaderFilter() {
        return first(new AcceptHeaderFilter(), 2);
    }

    @Bean
    FilterRegistrationBean<MalformedRequestFilter> malformedRequestFilter(JsonMapper json) {
        return first(new MalformedRequestFilter(json), 3);
    }

    /**
     * After the filters above, before authentication, which may read the database. Standalone mode's embedded
     * PostgreSQL tells when it is down; with an external database every request goes on to the pool's bounded wait.
     */
    @Bean
    FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(ObjectProvider<DatabaseAvailability> database,
                                                                      JsonMapper json) {
        DatabaseAvailability availability = database.getIfAvailable(() -> () -> true);
        FilterRegistrationBean<DatabaseOutageFilter> registration =
                new FilterRegistrationBean<>(new DatabaseOutageFilter(availability, json));
        registration.setOrder(-900);
        return registration;
    }

    @Bean
    JacksonModule textRules() {
        return new TextRulesModule();
    }

    @Bean
    WebMvcConfigurer logContext() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new LogContextInterceptor());
            }
        };
    }

    private static <F extends Filter> FilterRegistrationBean<F> first(F filter, int position) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        // Spring Security's chain sits at -100; these run before it.
        registration.setOrder(-1000 + position);
        return registration;
    }
}

package no.formidler.webapp;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The web app's filters: its pages' security headers, and the session cookie standing in for a bearer token. */
@Configuration(proxyBeanMethods = false)
class WebAppConfiguration {
    /** After trace ids and the common headers (-1000…), before Spring Security's chain (-100). */
    private static final int ORDER = -500;

    @Bean
    FilterRegistrationBean<SessionAuthenticationFilter> sessionAuthenticationFilter(WebSessions sessions, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new SessionAuthenticationFilter(sessions, json));
        registration.setOrder(ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<PageHeadersFilter> pageHeadersFilter() {
        var registration = new FilterRegistrationBean<>(new PageHeadersFilter());
        registration.setOrder(ORDER + 1);
        return registration;
    }
}

package no.formidler.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Rate limits are on unless {@code formidler.rate-limits.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "formidler.rate-limits.enabled", havingValue = "true", matchIfMissing = true)
class RateLimitConfiguration {
    @Bean
    WebMvcConfigurer rateLimits(RateLimitSettings settings, Clock clock, MeterRegistry registry) {
        RateLimitInterceptor interceptor = new RateLimitInterceptor(settings, new TokenBuckets(clock), registry);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(interceptor).addPathPatterns("/broker/api/v1/**");
            }
        };
    }
}

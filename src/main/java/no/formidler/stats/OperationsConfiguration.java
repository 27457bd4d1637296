package no.formidler.stats;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the byte counting filter just inside the web package's filters (trace id, headers, Accept). */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {
    @Bean
    FilterRegistrationBean<TransferBytesFilter> transferBytesFilter(MeterRegistry registry) {
        FilterRegistrationBean<TransferBytesFilter> registration = new FilterRegistrationBean<>(new TransferBytesFilter(registry));
        registration.setOrder(-1000 + 10);
        return registration;
    }
}

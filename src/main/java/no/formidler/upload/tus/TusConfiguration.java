package no.formidler.upload.tus;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the timer that sweeps expired uploads ({@link TusExpiry}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TusConfiguration {
}

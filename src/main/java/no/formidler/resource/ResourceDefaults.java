package no.formidler.resource;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a resource gets when its owner has not set it ({@code formidler.resource-defaults.*}): the reference's 30 days
 * to live and two hours' grace after the last confirmation.
 */
@ConfigurationProperties("formidler.resource-defaults")
record ResourceDefaults(@DefaultValue("P30D") Duration timeToLive, @DefaultValue("PT2H") Duration purgeGracePeriod) {
}

package no.formidler.upload.tus;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * TUS settings ({@code formidler.tus.*}, documented in README).
 *
 * @param uploadExpiration how long an unfinished upload lives after its last PATCH (sliding)
 * @param sweepInterval    how often expired uploads are looked for
 * @param maxSize          the {@code Tus-Max-Size} announced; each transfer's resource may allow less
 */
@ConfigurationProperties("formidler.tus")
record TusProperties(@DefaultValue("PT24H") Duration uploadExpiration,
                     @DefaultValue("PT5M") Duration sweepInterval,
                     @DefaultValue("1677721600000") long maxSize) {
}

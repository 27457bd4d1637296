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
 * @param leaseDuration    how long a PATCH's hold on its upload lasts unless renewed (it is renewed every quarter of
 *                         this while the body streams): how long a crashed node's PATCH blocks the upload
 */
@ConfigurationProperties("formidler.tus")
record TusProperties(@DefaultValue("PT24H") Duration uploadExpiration,
                     @DefaultValue("PT5M") Duration sweepInterval,
                     @DefaultValue("1677721600000") long maxSize,
                     @DefaultValue("PT20S") Duration leaseDuration) {
}

package no.formidler.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The lifecycle jobs' settings ({@code formidler.jobs.*}, documented in README). How often nodes poll for due jobs is
 * {@code formidler.jobs.poll-interval}, handed to db-scheduler in application.properties.
 *
 * @param stuckCheckInterval    how often the stuck-transfer check runs (reference: every 30 minutes)
 * @param stuckUploadAfter      an upload in UploadStarted this long is failed …
 * @param uploadActivityWindow  … unless a resumable upload on it was active this recently
 * @param processingWarningAfter a transfer in UploadProcessing this long is reported
 * @param orphanSweepInterval   how often stored bytes that no transfer or upload owns are removed
 * @param orphanAge             … once they were last written this long ago: longer than any upload stays silent
 */
@ConfigurationProperties("formidler.jobs")
public record JobProperties(
        @DefaultValue("PT30M") Duration stuckCheckInterval,
        @DefaultValue("PT24H") Duration stuckUploadAfter,
        @DefaultValue("PT1H") Duration uploadActivityWindow,
        @DefaultValue("PT15M") Duration processingWarningAfter,
        @DefaultValue("PT6H") Duration orphanSweepInterval,
        @DefaultValue("P1D") Duration orphanAge) {
}

package no.formidler.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import no.formidler.auth.Caller;
import no.formidler.auth.Organization;
import no.formidler.testsupport.Scenario;
import no.formidler.transfer.StuckTransfers;
import no.formidler.transfer.TransferLifecycle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The stuck-transfer check (docs/compatibility.md §6): uploads that broke off fail; long processing is reported. */
@ExtendWith(OutputCaptureExtension.class)
class StuckTransferCheckTest extends LifecycleJobsTest {
    @Autowired
    StuckTransferCheck check;
    @Autowired
    StuckTransfers stuck;
    @Autowired
    TransferLifecycle lifecycle;
    @Autowired
    MeterRegistry meters;

    /** An upload that began and then vanished, as when the broker dies mid-request. */
    private String uploadStartedAndAbandoned(Scenario s) {
        String id = s.initialize();
        Caller sender = new Caller(Optional.of(new Organization(s.sender)), Optional.empty(), Set.of(Scenario.WRITE), "test");
        lifecycle.startUpload(sender, UUID.fromString(id), OptionalLong.empty());
        assertThat(s.status(id)).isEqualTo("UploadStarted");
        return id;
    }

    @Test
    void anUploadStartedMoreThanADayAgoFailsWithTheReferenceTextAndAnEventToTheSender() {
        Scenario s = scenario().ready();
        String id = uploadStartedAndAbandoned(s);
        check.run();
        assertThat(s.status(id)).as("not yet a day").isEqualTo("UploadStarted");

        clock.advance(Duration.ofHours(24).plusMinutes(1));
        check.run();

        var overview = s.overview(id, s.senderToken).json();
        assertThat(overview.get("fileTransferStatus").asString()).isEqualTo("Failed");
        assertThat(overview.get("fileTransferStatusText").asString())
                .isEqualTo("File transfer was stuck in UploadStarted as it failed upload mid-request.");
        assertThat(events(id, "uploadfailed")).containsExactly("Sender " + s.sender);
        assertThat(meters.get("formidler.transfers.stuck.uploads.failed").counter().count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void anUploadWithRecentResumableActivityIsLeftAlone() {
        Scenario s = scenario().ready();
        String id = uploadStartedAndAbandoned(s);
        clock.advance(Duration.ofHours(25));
        Instant now = clock.instant();

        var failed = stuck.failStuckUploads(now.minus(Duration.ofHours(24)), now.minus(Duration.ofHours(1)),
                (transfer, since) -> transfer.toString().equals(id));

        assertThat(failed).doesNotContain(UUID.fromString(id));
        assertThat(s.status(id)).isEqualTo("UploadStarted");
        assertThat(events(id, "uploadfailed")).isEmpty();
    }

    @Test
    void aLongTusUploadThatIsStillSendingChunksIsNotTakenForAStuckOne() {
        Scenario s = scenario().ready();
        String id = s.initialize();
        String tus = "/broker/api/v1/filetransfer/upload/tus/" + id;
        var created = client.post(tus, s.senderToken, java.net.http.HttpRequest.BodyPublishers.noBody(),
                "Tus-Resumable", "1.0.0", "Upload-Length", "10");
        assertThat(created.status()).isEqualTo(201);
        patch(s, created.header("Location"), 0, "abc");
        clock.advance(Duration.ofHours(23).plusMinutes(30));
        patch(s, created.header("Location"), 3, "def");
        clock.advance(Duration.ofMinutes(50));

        check.run();

        assertThat(s.status(id)).as("in UploadStarted for 24 h 20 min, but a chunk came 50 min ago").isEqualTo("UploadStarted");
        clock.advance(Duration.ofHours(1));
        check.run();
        assertThat(s.status(id)).as("no chunk for 1 h 50 min").isEqualTo("Failed");
    }

    private void patch(Scenario s, String location, long offset, String bytes) {
        var patched = client.send(client.request(location, s.senderToken, "Tus-Resumable", "1.0.0",
                        "Upload-Offset", Long.toString(offset), "Content-Type", "application/offset+octet-stream")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(bytes)).build());
        assertThat(patched.status()).as(patched.toString()).isEqualTo(204);
    }

    @Test
    void aTransferInProcessingForMoreThanFifteenMinutesIsLoggedAndCounted(CapturedOutput output) {
        Scenario s = scenario().ready();
        String id = s.initialize();
        // No feature moves a transfer to UploadProcessing yet without a scanner: put it there directly.
        jdbc.sql("update file_transfer set status = 2, status_changed = :at where id = :id")
                .param("at", java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC))
                .param("id", UUID.fromString(id))
                .update();
        long before = check.run().stuckInProcessing();

        clock.advance(Duration.ofMinutes(16));
        StuckTransferCheck.Report report = check.run();

        assertThat(report.stuckInProcessing()).isGreaterThanOrEqualTo(before + 1);
        assertThat(meters.get("formidler.transfers.stuck.processing").gauge().value())
                .isEqualTo((double) report.stuckInProcessing());
        assertThat(output.getAll()).contains("file transfer(s) have been in UploadProcessing for more than PT15M");
        assertThat(s.status(id)).as("reported, not changed").isEqualTo("UploadProcessing");
    }

    @Test
    void theCheckIsScheduledToRecur() {
        var next = scheduler.getScheduledExecution(TaskInstanceId.of(StuckTransferCheck.TASK_NAME, "recurring"));
        assertThat(next).isPresent();
        assertThat(next.get().getExecutionTime()).isBeforeOrEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
    }
}

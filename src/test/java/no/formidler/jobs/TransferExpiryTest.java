package no.formidler.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.formidler.testsupport.Scenario;
import no.formidler.transfer.TransferPurge;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Expiry and purge after confirmation (docs/compatibility.md §6, §4), with the broker's clock moved instead of waited
 * for.
 */
class TransferExpiryTest extends LifecycleJobsTest {
    private static final byte[] CONTENT = "A file that will not last forever".getBytes(StandardCharsets.UTF_8);

    @Autowired
    TransferPurge purge;

    @Test
    void anExpiredPublishedTransferIsPurgedAndEachPartyIsToldExactlyOnce() throws Exception {
        Scenario s = scenario().ready("{\"fileTransferTimeToLive\":\"P1D\"}");
        String id = s.publish(CONTENT);
        downloadAndConfirm(s, id, s.recipient1Token);
        Instant expires = instant(s.overview(id, s.senderToken).json().get("expirationTime"));
        assertThat(purgeDue(id)).isEqualTo(expires);

        advanceAndAwaitPurge(id, Duration.ofDays(1).plusMinutes(1));

        JsonNode overview = s.overview(id, s.recipient1Token).json();
        assertThat(overview.get("fileTransferStatus").asString()).isEqualTo("Purged");
        assertThat(overview.get("fileTransferStatusText").asString()).isEqualTo("FileTransfer has been purged");
        assertThat(statusHistory(s, id)).containsExactly("Initialized", "UploadStarted", "Published", "Purged");
        assertThat(events(id, "filepurged")).containsExactly("Sender " + s.sender);
        assertThat(events(id, "fileneverconfirmeddownloaded"))
                .containsExactlyInAnyOrder("Recipient " + s.recipient2, "Sender " + s.sender);
        var download = s.download(id, s.recipient2Token);
        assertThat(download.status()).isEqualTo(403);
        assertThat(download.json().get("code").asString()).isEqualTo("BRO-00007");
        assertThat(purgePending(id)).isFalse();
    }

    @Test
    void whenAllHaveConfirmedTheFileIsPurgedAtTheEndOfTheGracePeriod() throws Exception {
        Scenario s = scenario().ready("{\"purgeFileTransferGracePeriod\":\"PT3H\"}");
        String id = s.publish(CONTENT);
        Instant expires = instant(s.overview(id, s.senderToken).json().get("expirationTime"));
        downloadAndConfirm(s, id, s.recipient1Token);
        assertThat(purgeDue(id)).as("one confirmation is not all").isEqualTo(expires);
        downloadAndConfirm(s, id, s.recipient2Token);

        JsonNode history = s.details(id, s.senderToken).json().get("fileTransferStatusHistory");
        Instant allConfirmed = instant(history.get(history.size() - 1).get("fileTransferStatusChanged"));
        assertThat(history.get(history.size() - 1).get("fileTransferStatus").asString()).isEqualTo("AllConfirmedDownloaded");
        assertThat(purgeDue(id)).as("moved, not added").isEqualTo(allConfirmed.plus(Duration.ofHours(3)));
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_instance = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(1);

        advanceAndAwaitPurge(id, Duration.ofHours(3).plusMinutes(1));

        assertThat(statusHistory(s, id)).containsExactly("Initialized", "UploadStarted", "Published",
                "AllConfirmedDownloaded", "Purged");
        assertThat(events(id, "filepurged")).containsExactly("Sender " + s.sender);
        assertThat(events(id, "fileneverconfirmeddownloaded")).as("everyone confirmed").isEmpty();
    }

    @Test
    void withPurgeAfterConfirmationOffAConfirmedFileStaysUntilItExpires() throws Exception {
        Scenario s = scenario().ready("{\"purgeFileTransferAfterAllRecipientsConfirmed\":false,\"fileTransferTimeToLive\":\"P2D\"}");
        String id = s.publish(CONTENT);
        Instant expires = instant(s.overview(id, s.senderToken).json().get("expirationTime"));
        downloadAndConfirm(s, id, s.recipient1Token);
        downloadAndConfirm(s, id, s.recipient2Token);
        assertThat(s.status(id)).isEqualTo("AllConfirmedDownloaded");
        assertThat(purgeDue(id)).isEqualTo(expires);

        advanceAndAwaitPurge(id, Duration.ofDays(2).plusMinutes(1));

        assertThat(s.status(id)).isEqualTo("Purged");
        assertThat(events(id, "filepurged")).containsExactly("Sender " + s.sender);
        assertThat(events(id, "fileneverconfirmeddownloaded")).isEmpty();
    }

    @Test
    void anInitializedTransferThatNeverGotAFileIsPurgedAtExpiry() throws Exception {
        Scenario s = scenario().ready("{\"fileTransferTimeToLive\":\"PT1H\"}");
        String id = s.initialize();

        advanceAndAwaitPurge(id, Duration.ofMinutes(61));

        assertThat(statusHistory(s, id)).containsExactly("Initialized", "Purged");
        assertThat(events(id, "filepurged")).containsExactly("Sender " + s.sender);
        assertThat(events(id, "fileneverconfirmeddownloaded")).containsExactlyInAnyOrder(
                "Recipient " + s.recipient1, "Recipient " + s.recipient2, "Sender " + s.sender);
        assertThat(s.upload(id, CONTENT).status()).as("no upload after the purge").isGreaterThanOrEqualTo(400);
    }

    @Test
    void purgingAgainChangesNothing() throws Exception {
        Scenario s = scenario().ready("{\"fileTransferTimeToLive\":\"PT1H\"}");
        String id = s.publish(CONTENT);
        advanceAndAwaitPurge(id, Duration.ofMinutes(61));
        List<String> purgedEvents = events(id, "filepurged");

        assertThat(purge.purge(UUID.fromString(id))).isEqualTo(TransferPurge.Outcome.ALREADY_PURGED);

        assertThat(statusHistory(s, id)).containsOnlyOnce("Purged");
        assertThat(events(id, "filepurged")).isEqualTo(purgedEvents);
        assertThat(events(id, "fileneverconfirmeddownloaded")).hasSize(3);
    }
}

package no.formidler.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import no.formidler.system.CommitOrder;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every status change of a transfer and its recipients passes the one transition path and its steps. */
class TransitionPathTest extends ApiTest {

    @Autowired
    TransitionRecorder recorder;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    CommitOrder commitOrder;

    @Autowired
    TransferPurge purge;

    private static String describe(StatusChange change) {
        return change instanceof StatusChange.OfRecipient r ? r.recipient().number() + ":" + r.status()
                : ((StatusChange.OfTransfer) change).status().name();
    }

    @Test
    void eachChangeOfAJourneyReachesTheStepsInsideItsTransactionWithTheEventsItCauses() {
        Scenario s = scenario().ready();
        String id = s.publish("a journey".getBytes(StandardCharsets.UTF_8));
        assertThat(s.download(id, s.recipient1Token).status()).isEqualTo(200);
        assertThat(s.download(id, s.recipient2Token).status()).isEqualTo(200);
        assertThat(s.confirm(id, s.recipient1Token).status()).isEqualTo(204);
        assertThat(s.confirm(id, s.recipient2Token).status()).isEqualTo(204);

        List<TransitionRecorder.Seen> seen = recorder.of(UUID.fromString(id));
        assertThat(seen).extracting(x -> describe(x.change())).containsExactly("Initialized", "UploadStarted",
                "Published", s.recipient1 + ":DownloadStarted", s.recipient2 + ":DownloadStarted",
                s.recipient1 + ":DownloadConfirmed", s.recipient2 + ":DownloadConfirmed", "AllConfirmedDownloaded");
        assertThat(seen).allMatch(TransitionRecorder.Seen::inTransaction);
        commitOrder.catchUp();
        assertThat(seen).flatExtracting(x -> x.events().stream().map(e -> e.type().wireType()).toList())
                .containsExactlyElementsOf(jdbc.sql("select type from event_outbox where file_transfer_id = :id order by sequence")
                        .param("id", UUID.fromString(id)).query(String.class).list());
        // The last confirmation and the transfer's move it causes are one change: one time stamp.
        assertThat(seen.get(7).change().at()).isEqualTo(seen.get(6).change().at());
    }

    @Test
    void aMoveTheStateMachineDoesNotAllowChangesNothingAndReachesNoStep() throws Exception {
        Scenario s = scenario().ready();
        UUID id = UUID.fromString(s.publish("purged once".getBytes(StandardCharsets.UTF_8)));

        assertThat(purge.purge(id)).isEqualTo(TransferPurge.Outcome.PURGED);
        assertThat(purge.purge(id)).isEqualTo(TransferPurge.Outcome.ALREADY_PURGED);

        assertThat(recorder.of(id)).extracting(x -> describe(x.change()))
                .containsExactly("Initialized", "UploadStarted", "Published", "Purged");
    }
}

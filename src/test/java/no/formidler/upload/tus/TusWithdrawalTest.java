package no.formidler.upload.tus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A resumable upload ends with its transfer's withdrawal: no further PATCH, and its stored parts are discarded. */
class TusWithdrawalTest extends ApiTest {
    @Autowired
    TusExpiry expiry;

    private static long storedBytes(Scenario s, String id) throws IOException {
        Path root = DATA_DIR.resolve("blobs");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(p -> p.toString().contains(id)).count();
        }
    }

    @Test
    void aCancelledTransferTakesNoFurtherPatchAndItsPartsAreDiscarded() throws Exception {
        Scenario s = scenario().ready();
        TusRequests tus = new TusRequests(client, s.senderToken);
        String id = s.initialize();
        String url = TusRequests.BASE + "/" + id;
        assertThat(tus.create(id, 10).status()).isEqualTo(201);
        assertThat(tus.patch(url, 0, "abcd".getBytes()).status()).isEqualTo(204);
        assertThat(storedBytes(s, id)).as("the first chunk is stored").isPositive();

        var cancelled = client.postJson("/broker/api/v1/filetransfer/" + id + "/cancel", s.senderToken, null);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(204);

        var refused = tus.patch(url, 4, "efgh".getBytes());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(expiry.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(storedBytes(s, id)).as("the parts are discarded").isZero();
        assertThat(tus.head(url).status()).isIn(404, 409);
        assertThat(s.status(id)).isEqualTo("Cancelled");
    }
}

package no.formidler.upload.tus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Termination and expiration: an upload ends by DELETE, or by the sweep when nobody touched it for a day. */
class TusTerminationAndExpiryTest extends ApiTest {
    @Autowired
    TusExpiry expiry;

    @Test
    void terminationForgetsTheUploadAndANewOneMayBeCreated() {
        Scenario s = scenario().ready();
        TusRequests tus = new TusRequests(client, s.senderToken);
        String id = s.initialize();
        String url = TusRequests.BASE + "/" + id;
        tus.create(id, 10);
        tus.patch(url, 0, "abc".getBytes());
        assertThat(tus.delete(url).status()).isEqualTo(204);
        assertThat(tus.head(url).status()).isEqualTo(404);
        assertThat(tus.patch(url, 3, "def".getBytes()).status()).isEqualTo(404);
        assertThat(s.status(id)).isEqualTo("UploadStarted");
        assertThat(tus.create(id, 2).status()).isEqualTo(201);
        assertThat(tus.patch(url, 0, "ok".getBytes()).status()).isEqualTo(204);
        assertThat(s.download(id, s.recipient1Token).body()).isEqualTo("ok");
    }

    @Test
    void anUploadUntouchedPastItsExpiryIsRemovedAndItsTransferFails() {
        Scenario s = scenario().ready();
        TusRequests tus = new TusRequests(client, s.senderToken);
        String id = s.initialize();
        String url = TusRequests.BASE + "/" + id;
        tus.create(id, 10);
        var patched = tus.patch(url, 0, "abc".getBytes());
        String expires = patched.header("Upload-Expires");
        clock.advance(Duration.ofHours(23));
        expiry.sweep();
        assertThat(tus.head(url).header("Upload-Offset")).as("a day has not passed since the last PATCH").isEqualTo("3");
        assertThat(tus.patch(url, 3, "def".getBytes()).header("Upload-Expires")).as("sliding").isNotEqualTo(expires);
        clock.advance(Duration.ofHours(25));
        assertThat(tus.patch(url, 6, "g".getBytes()).status()).as("expired: gone for PATCH").isEqualTo(404);

        assertThat(expiry.sweep()).isGreaterThanOrEqualTo(1);

        var details = s.details(id, s.senderToken).json();
        assertThat(details.get("fileTransferStatus").asString()).isEqualTo("Failed");
        assertThat(details.get("fileTransferStatusText").asString()).isEqualTo(TusExpiry.STUCK);
        assertThat(tus.head(url).status()).isEqualTo(409);
        assertThat(List.of(expiry.sweep())).containsExactly(0);
    }
}

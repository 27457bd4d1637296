package no.formidler.upload.tus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Termination and expiration: an upload ends by DELETE, or by the sweep when nobody touched it for a day. */
class TusTerminationAndExpiryTest extends ApiTest {
    @Autowired
    TusExpiry expiry;
    @Autowired
    JdbcClient jdbc;

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

    @Test
    void anExpiredUploadWhoseCleanupFailsDoesNotStopTheSweepOfTheOthersAndIsRetriedNextRound() {
        Scenario s = scenario().ready();
        TusRequests tus = new TusRequests(client, s.senderToken);
        String failing = s.initialize();
        String other = s.initialize();
        tus.create(failing, 10);
        tus.patch(TusRequests.BASE + "/" + failing, 0, "abc".getBytes());
        clock.advance(Duration.ofMinutes(1)); // the failing upload expires first, so the sweep meets it first
        tus.create(other, 10);
        tus.patch(TusRequests.BASE + "/" + other, 0, "abc".getBytes());
        clock.advance(Duration.ofHours(25));

        refuseStatusChanges(UUID.fromString(failing));
        try {
            assertThatCode(expiry::sweep).doesNotThrowAnyException();
            assertThat(s.status(other)).as("swept although the upload before it failed").isEqualTo("Failed");
            assertThat(s.status(failing)).isEqualTo("UploadStarted");
        } finally {
            allowStatusChanges();
        }
        expiry.sweep();
        assertThat(s.status(failing)).as("retried in the next round").isEqualTo("Failed");
    }

    /** The database refuses every status row of this transfer, so failing its upload throws. */
    private void refuseStatusChanges(UUID fileTransferId) {
        jdbc.sql("create table if not exists test_refused_transfer (id uuid primary key)").update();
        jdbc.sql("insert into test_refused_transfer (id) values (:id)").param("id", fileTransferId).update();
        jdbc.sql("""
                create or replace function test_refuse_status() returns trigger language plpgsql as $$
                begin
                    if exists (select 1 from test_refused_transfer where id = new.file_transfer_id) then
                        raise exception 'refused by the test';
                    end if;
                    return new;
                end $$""").update();
        jdbc.sql("""
                create or replace trigger test_refuse_status before insert on file_transfer_status
                   for each row execute function test_refuse_status()""").update();
    }

    private void allowStatusChanges() {
        jdbc.sql("drop trigger if exists test_refuse_status on file_transfer_status").update();
        jdbc.sql("delete from test_refused_transfer").update();
    }
}

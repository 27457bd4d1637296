package no.formidler.upload.tus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Upload state is plain columns, never a serialized object (MOVEit's gadget lived in such state), and is checked when
 * read: a row someone tampered with (an offset past the length or below zero, a finished flag before the last byte, a
 * blob key pointing elsewhere) is answered 410 Gone with problem details, and the client starts again.
 */
class TusStateIntegrityTest extends ApiTest {
    @Autowired
    JdbcClient jdbc;
    private TusRequests tus;
    private String id;
    private String url;

    @BeforeEach
    void halfAnUpload() {
        Scenario s = scenario().ready();
        tus = new TusRequests(client, s.senderToken);
        id = s.initialize();
        url = tus.create(id, 10).header("Location");
        assertThat(tus.patch(url, 0, "hello".getBytes()).status()).isEqualTo(204);
    }

    @ParameterizedTest
    @ValueSource(strings = {"upload_offset = upload_length + 1", "upload_offset = -1", "upload_length = -5, upload_offset = -5"})
    void anOffsetOutsideTheUploadIsRefusedByTheDatabaseItself(String tampering) {
        assertThatThrownBy(() -> jdbc.sql("update tus_upload set " + tampering + " where file_transfer_id = :id")
                .param("id", UUID.fromString(id)).update()).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(tus.head(url).header("Upload-Offset")).isEqualTo("5");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "finished = true",
            "concat_parts = array[gen_random_uuid()]",
            "blob_key = '../../../../tmp/elsewhere'",
            "blob_key = '991825827/' || file_transfer_id || '/../../x'",
            "blob_key = '123456789/' || gen_random_uuid() || '/' || gen_random_uuid()"})
    void aTamperedUploadRowIsAnswered410AndNeverUsed(String tampering) {
        int changed = jdbc.sql("update tus_upload set " + tampering + " where file_transfer_id = :id")
                .param("id", UUID.fromString(id)).update();
        assertThat(changed).isEqualTo(1);

        assertGone(tus.head(url));
        assertGone(tus.patch(url, 5, "world".getBytes()));
        assertThat(tus.head(url).header("Upload-Offset")).isNull();
    }

    private static void assertGone(BrokerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(410);
        if (!response.body().isEmpty()) {
            assertThat(response.header("Content-Type")).contains("application/problem+json");
            assertThat(response.body()).contains("integrity");
        }
    }
}

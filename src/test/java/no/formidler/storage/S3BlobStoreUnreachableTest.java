package no.formidler.storage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import no.formidler.storage.s3.S3BlobStore;
import no.formidler.testsupport.BrokerProcess;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** An S3 endpoint where nothing listens: every operation says "unavailable" (503 upstream), never "not found". */
class S3BlobStoreUnreachableTest {

    @Test
    void aStoreThatDoesNotAnswerIsReportedAsUnavailableNotAsMissing() {
        var nobody = new StorageProperties.S3(URI.create("http://127.0.0.1:" + BrokerProcess.freePort()), "us-east-1",
                "formidler-test", "formidler", "formidler-secret", true, DataSize.ofMegabytes(16), false, false,
                Duration.ofMinutes(5));
        S3BlobStore store = StorageConfiguration.s3Store(nobody);
        assertThatThrownBy(store::checkReachable).isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> store.write("991825827/a/b", new ByteArrayInputStream(new byte[] {1})))
                .isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> store.read("991825827/a/b", 0, 1)).isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> store.writePart("tus-x", PartedBlobStore.Staging.WHOLE, 1, 0, new ByteArrayInputStream(new byte[] {1})))
                .isInstanceOf(StorageUnavailableException.class);
    }
}

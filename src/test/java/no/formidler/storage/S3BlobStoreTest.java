package no.formidler.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import no.formidler.storage.s3.S3BlobStore;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.services.s3.S3Client;

/** The contract on s3proxy in this JVM, storing on disk (its in-memory store would hold the 1 GiB object on our heap). */
class S3BlobStoreTest extends PartedBlobStoreContract {
    @RegisterExtension
    static final S3ProxyExtension S3 = S3ProxyExtension.builder()
            .withCredentials(AuthenticationType.AWS_V2_OR_V4, "formidler", "formidler-secret")
            .withBlobStoreProvider("filesystem-nio2").ignoreUnknownHeaders().build();

    @Override
    BlobStore newStore(int partSize) {
        return new S3BlobStore(StorageConfiguration.s3Client(properties(false)), "formidler-test", false, partSize);
    }

    static StorageProperties.S3 properties(boolean perServiceOwner) {
        return new StorageProperties.S3(S3.getUri(), "us-east-1", "formidler-test", "formidler", "formidler-secret", true,
                DataSize.ofMegabytes(16), perServiceOwner, true, Duration.ofMinutes(5));
    }

    @Test
    void withABucketPerServiceOwnerEachOwnersBlobsLiveInTheirOwnBucket() throws IOException {
        S3BlobStore store = StorageConfiguration.s3Store(properties(true));
        String id = UUID.randomUUID() + "/" + UUID.randomUUID();
        store.write("991825827/" + id, new ByteArrayInputStream(new byte[] {1, 2, 3}));
        store.write("310000001/" + id, new ByteArrayInputStream(new byte[] {4, 5}));
        try (S3Client s3 = StorageConfiguration.s3Client(properties(true))) {
            assertThat(s3.headObject(b -> b.bucket("formidler-test-991825827").key(id)).contentLength()).isEqualTo(3);
            assertThat(s3.headObject(b -> b.bucket("formidler-test-310000001").key(id)).contentLength()).isEqualTo(2);
        }
        try (var in = store.read("310000001/" + id, 0, 2)) {
            assertThat(in.readAllBytes()).containsExactly(4, 5);
        }
    }

    @Test
    void aPresignedUrlServesTheBlobAndRangesStraightFromTheStoreWithTheFileName() throws Exception {
        S3BlobStore store = StorageConfiguration.s3Store(properties(false));
        String key = "991825827/" + UUID.randomUUID() + "/" + UUID.randomUUID();
        byte[] content = GeneratedContent.bytes(3, 100_000);
        store.write(key, new ByteArrayInputStream(content));
        URI url = store.presignedRead(key, "attachment; filename=\"report.pdf\"").orElseThrow();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> whole = http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(content);
        assertThat(whole.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"report.pdf\"");
        HttpResponse<byte[]> range = http.send(HttpRequest.newBuilder(url).header("Range", "bytes=10-19").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(content, 10, 20));
    }

    @Test
    void withoutPresignedDownloadsConfiguredTheStoreHandsOutNoUrl() throws IOException {
        S3BlobStore store = (S3BlobStore) newStore(SMALL_PART);
        String key = "991825827/" + UUID.randomUUID() + "/" + UUID.randomUUID();
        store.write(key, new ByteArrayInputStream(new byte[] {1}));
        assertThat(store.presignedRead(key, "attachment")).isEmpty();
    }
}

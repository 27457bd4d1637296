package no.formidler.upload.tus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import no.formidler.storage.BlobStore;
import no.formidler.storage.StorageFullException;
import no.formidler.storage.filesystem.FileSystemBlobStore;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.GeneratedBytes;
import no.formidler.testsupport.Scenario;
import no.formidler.testsupport.SeparateDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 17, finding 4, wherever the test runs (DiskFullIT needs root for a real tmpfs): the disk fills while the
 * file-system store writes, simulated at the store's boundary by the operating system's ENOSPC error arriving after the
 * first MiB of a write. The store's own handling (cut the chunk back, classify the error) and the HTTP answers are real.
 */
@Import(StorageFullTest.FillingDisk.class)
class StorageFullTest extends ApiTest {
    private static final int MIB = 1024 * 1024;
    private static final SeparateDatabase DATABASE = SeparateDatabase.start();
    static final AtomicBoolean FULL = new AtomicBoolean();
    /** The disk fills only when the parts are joined into the file (what a concatenation's copy meets). */
    static final AtomicBoolean FULL_WHEN_JOINING = new AtomicBoolean();

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        DATABASE.register(registry);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FillingDisk {
        @Bean
        @Primary
        BlobStore fillingDisk() throws IOException {
            return new FileSystemBlobStore(DATA_DIR.resolve("blobs")) {
                @Override
                public long write(String key, InputStream content) throws IOException {
                    return super.write(key, filling(content));
                }

                @Override
                public long compose(String blobKey, java.util.List<PartedUpload> uploads) throws IOException {
                    if (FULL_WHEN_JOINING.get()) {
                        throw new StorageFullException("No room for " + blobKey + ": No space left on device", null);
                    }
                    return super.compose(blobKey, uploads);
                }

                @Override
                public Part writePart(String uploadKey, Staging staging, int number, long offset, InputStream content)
                        throws IOException {
                    return super.writePart(uploadKey, staging, number, offset, filling(content));
                }
            };
        }

        private static InputStream filling(InputStream content) {
            return !FULL.get() ? content : new FilterInputStream(content) {
                private long passed;

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    if (passed >= MIB) {
                        throw new IOException("No space left on device");
                    }
                    int n = super.read(buffer, offset, (int) Math.min(length, MIB - passed));
                    passed += Math.max(n, 0);
                    return n;
                }
            };
        }
    }

    @AfterEach
    void roomAgain() {
        FULL.set(false);
        FULL_WHEN_JOINING.set(false);
    }

    @Test
    void aTusUploadWhoseFileCannotBeJoinedForAFullDiskIs507AndCompletesOnceThereIsRoom() throws Exception {
        Scenario s = scenario().ready();
        String id = s.initialize();
        TusRequests tus = new TusRequests(client, s.senderToken);
        String url = TusRequests.BASE + "/" + id;
        byte[] file = GeneratedBytes.of(6, 100_000);
        assertThat(tus.create(id, file.length).status()).isEqualTo(201);
        FULL_WHEN_JOINING.set(true);

        var full = tus.patch(url, 0, file);

        assertThat(full.status()).as(full.toString()).isEqualTo(507);
        assertThat(full.json().get("status").asInt()).isEqualTo(507);
        assertThat(s.overview(id, s.senderToken).json().get("fileTransferStatus").asString()).isEqualTo("UploadStarted");
        FULL_WHEN_JOINING.set(false);
        var head = tus.head(url);
        assertThat(head.status()).as("a HEAD completes the finished upload").isEqualTo(200);
        assertThat(head.header("Upload-Offset")).isEqualTo(String.valueOf(file.length));
        assertThat(s.overview(id, s.senderToken).json().get("fileTransferStatus").asString()).isEqualTo("Published");
    }

    @Test
    void aTusChunkThatFillsTheDiskIs507AndCutBackToTheAcknowledgedOffset() throws Exception {
        Scenario s = scenario().ready();
        String id = s.initialize();
        TusRequests tus = new TusRequests(client, s.senderToken);
        String url = TusRequests.BASE + "/" + id;
        byte[] file = GeneratedBytes.of(4, 6 * MIB);
        assertThat(tus.create(id, file.length).status()).isEqualTo(201);
        assertThat(tus.patch(url, 0, Arrays.copyOfRange(file, 0, 2 * MIB)).status()).isEqualTo(204);
        FULL.set(true);

        var full = tus.patch(url, 2 * MIB, Arrays.copyOfRange(file, 2 * MIB, 6 * MIB));

        assertThat(full.status()).as(full.toString()).isEqualTo(507);
        assertThat(full.header("Content-Type")).startsWith("application/problem+json");
        assertThat(full.json().get("status").asInt()).isEqualTo(507);
        assertThat(tus.head(url).header("Upload-Offset")).isEqualTo(String.valueOf(2 * MIB));
        assertThat(stagedBytes()).as("no staged byte beyond the acknowledged offset").doesNotContain(3L * MIB);
        assertThat(stagedBytes()).contains(2L * MIB);

        FULL.set(false);
        assertThat(tus.patch(url, 2 * MIB, Arrays.copyOfRange(file, 2 * MIB, 6 * MIB)).status()).isEqualTo(204);
        assertThat(s.overview(id, s.senderToken).json().get("fileTransferStatus").asString()).isEqualTo("Published");
    }

    @Test
    void aStreamedUploadThatFillsTheDiskIs507LeavesNothingAndMayBeRetried() throws Exception {
        Scenario s = scenario().ready();
        String id = s.initialize();
        FULL.set(true);

        var full = s.upload(id, GeneratedBytes.of(5, 3 * MIB));

        assertThat(full.status()).as(full.toString()).isEqualTo(507);
        assertThat(full.json().get("status").asInt()).isEqualTo(507);
        assertThat(s.overview(id, s.senderToken).json().get("fileTransferStatus").asString()).isEqualTo("UploadStarted");
        try (Stream<Path> incoming = Files.list(DATA_DIR.resolve("blobs").resolve(".incoming"))) {
            assertThat(incoming.toList()).isEmpty();
        }
        FULL.set(false);
        assertThat(s.upload(id, GeneratedBytes.of(5, 3 * MIB)).status()).isEqualTo(200);
    }

    /** The sizes of the TUS staging files, whatever upload they belong to. */
    private static java.util.List<Long> stagedBytes() throws IOException {
        try (Stream<Path> parts = Files.list(DATA_DIR.resolve("blobs").resolve(".parts"))) {
            return parts.map(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}

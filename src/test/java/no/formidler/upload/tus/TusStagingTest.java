package no.formidler.upload.tus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import no.formidler.storage.BlobStore;
import no.formidler.storage.PartedBlobStore.Staging;
import no.formidler.storage.filesystem.FileSystemBlobStore;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.GeneratedBytes;
import no.formidler.testsupport.Scenario;
import no.formidler.testsupport.SeparateDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the store is told of each TUS upload's bytes: a partial upload's are joined with others' (the filesystem store
 * then writes them past the page cache, docs/operations.md), a single upload's become the file as they are. The store
 * is the real filesystem store; it only notes what each write was told.
 */
@Import(TusStagingTest.NotingStore.class)
class TusStagingTest extends ApiTest {
    private static final SeparateDatabase DATABASE = SeparateDatabase.start();
    private static final Map<String, Set<Staging>> STAGED = new ConcurrentHashMap<>();

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        DATABASE.register(registry);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class NotingStore {
        @Bean
        @Primary
        BlobStore notingStore() throws IOException {
            return new FileSystemBlobStore(DATA_DIR.resolve("blobs")) {
                @Override
                public Part writePart(String uploadKey, Staging staging, int number, long offset, InputStream content)
                        throws IOException {
                    STAGED.computeIfAbsent(uploadKey, key -> ConcurrentHashMap.newKeySet()).add(staging);
                    return super.writePart(uploadKey, staging, number, offset, content);
                }
            };
        }
    }

    @Test
    void partialUploadsAreStagedToBeJoinedAndASingleUploadAsTheFileItBecomes() {
        Scenario s = scenario().ready();
        TusRequests tus = new TusRequests(client, s.senderToken);
        byte[] first = GeneratedBytes.of(1, 300_001);
        byte[] second = GeneratedBytes.of(2, 70_000);

        String parted = s.initialize();
        String a = partial(tus, parted, first);
        String b = partial(tus, parted, second);
        assertThat(List.copyOf(STAGED.values())).as("two partial uploads, each chunk of them")
                .containsExactly(Set.of(Staging.JOINED), Set.of(Staging.JOINED));
        var joined = tus.post(TusRequests.BASE + "/" + parted, "Upload-Concat", "final;" + a + " " + b);
        assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        assertThat(s.overview(parted, s.senderToken).json().get("checksum").asString()).isEqualTo(md5(both));

        STAGED.clear();
        String single = s.initialize();
        assertThat(tus.create(single, first.length).status()).isEqualTo(201);
        String url = TusRequests.BASE + "/" + single;
        assertThat(tus.patch(url, 0, Arrays.copyOf(first, 100_000)).status()).isEqualTo(204);
        assertThat(tus.patch(url, 100_000, Arrays.copyOfRange(first, 100_000, first.length)).status())
                .isEqualTo(204);
        assertThat(List.copyOf(STAGED.values())).as("one single upload, both its chunks")
                .containsExactly(Set.of(Staging.WHOLE));
        assertThat(s.overview(single, s.senderToken).json().get("checksum").asString()).isEqualTo(md5(first));
    }

    private static String md5(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String partial(TusRequests tus, String transferId, byte[] content) {
        var created = tus.create(transferId, content.length, "Upload-Concat", "partial");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String location = created.header("Location");
        // Two chunks, the second starting inside a block: both go through the same staging.
        int cut = content.length / 3;
        assertThat(tus.patch(location, 0, Arrays.copyOf(content, cut)).status()).isEqualTo(204);
        assertThat(tus.patch(location, cut, Arrays.copyOfRange(content, cut, content.length)).status())
                .isEqualTo(204);
        return location;
    }
}

package no.formidler.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 17, finding 8: the orphan sweep removes a streamed upload's temporary file left by a kill -9 and a complete
 * blob no transfer references, once older than {@code formidler.jobs.orphan-age} (1 day), and keeps every blob a
 * transfer owns, however old, and anything younger.
 */
class OrphanSweepTest extends ApiTest {
    private static final FileTime TWO_DAYS_AGO = FileTime.from(Instant.now().minus(Duration.ofDays(2)));
    private static final Path BLOBS = DATA_DIR.resolve("blobs");

    @Autowired
    OrphanSweep sweep;

    @Test
    void removesWhatNoTransferOwnsOnceOldAndKeepsTheRest() throws Exception {
        Scenario s = scenario().ready();
        String id = s.publish("owned, and old".getBytes());
        Path owned = blobOf(id);
        Files.setLastModifiedTime(owned, TWO_DAYS_AGO);
        Path orphan = plant(BLOBS.resolve(s.owner).resolve(UUID.randomUUID().toString()).resolve(UUID.randomUUID().toString()), true);
        Path youngOrphan = plant(BLOBS.resolve(s.owner).resolve(UUID.randomUUID().toString()).resolve(UUID.randomUUID().toString()), false);
        Path abandoned = plant(BLOBS.resolve(".incoming").resolve(UUID.randomUUID() + ".part"), true);
        Path writing = plant(BLOBS.resolve(".incoming").resolve(UUID.randomUUID() + ".part"), false);

        assertThat(sweep.sweep()).isGreaterThanOrEqualTo(2);

        assertThat(orphan).doesNotExist();
        assertThat(abandoned).doesNotExist();
        assertThat(owned).as("a transfer's file stays, however old").exists();
        assertThat(youngOrphan).as("younger than the orphan age: maybe not yet recorded").exists();
        assertThat(writing).as("an upload still writing").exists();
        assertThat(s.download(id, s.recipient1Token).body()).isEqualTo("owned, and old");
        Files.delete(youngOrphan);
        Files.delete(writing);
    }

    private static Path plant(Path file, boolean old) throws Exception {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[1024]);
        if (old) {
            Files.setLastModifiedTime(file, TWO_DAYS_AGO);
        }
        return file;
    }

    private static Path blobOf(String transferId) throws Exception {
        try (Stream<Path> files = Files.walk(BLOBS)) {
            return files.filter(Files::isRegularFile).filter(p -> p.toString().contains(transferId))
                    .filter(p -> !p.startsWith(BLOBS.resolve(".parts"))).findFirst().orElseThrow();
        }
    }
}

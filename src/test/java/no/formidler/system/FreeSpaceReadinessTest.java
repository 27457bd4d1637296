package no.formidler.system;

import static org.assertj.core.api.Assertions.assertThat;

import no.formidler.testsupport.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, finding 4: readiness includes the free space of the data directory's file system, against
 * {@code formidler.storage.min-free-space} (default 1 GB), so a node whose disk fills is taken out of rotation.
 */
class FreeSpaceReadinessTest extends ApiTest {
    @Test
    void readinessWatchesTheDataDirectorysFreeSpace() {
        var readiness = client.get("/actuator/health/readiness", null);
        var disk = readiness.json().get("components").get("diskSpace");
        assertThat(disk).as(readiness.toString()).isNotNull();
        assertThat(disk.get("status").asString()).isEqualTo("UP");
    }
}

package no.formidler.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostmasterTest {
    @TempDir
    Path dataDir;
    private Process parent;

    @AfterEach
    void stopParent() {
        if (parent != null) {
            parent.destroyForcibly();
        }
    }

    @Test
    void theStateIsReadAfterTheLastParenthesisOfTheName() {
        assertThat(Postmaster.stateIn("4242 (postgres) Z 1 4242 4242 0 -1")).contains('Z');
        assertThat(Postmaster.stateIn("4242 (a) b) S 1 4242")).contains('S');
        assertThat(Postmaster.stateIn("garbage")).isEmpty();
    }

    @Test
    void thePidIsTheLockFilesFirstLineAndAbsentWithoutOne() throws Exception {
        assertThat(Postmaster.pidIn(dataDir)).isEmpty();
        Files.writeString(dataDir.resolve("postmaster.pid"), "4242\n/data\n1700000000\n5432\n");
        assertThat(Postmaster.pidIn(dataDir)).isEqualTo(OptionalLong.of(4242));
        Files.writeString(dataDir.resolve("postmaster.pid"), "not a pid\n");
        assertThat(Postmaster.pidIn(dataDir)).isEmpty();
    }

    /** A child that its parent never reaps stays a zombie: what a killed postmaster is under a broker as PID 1. */
    @Test
    void aZombiePostmasterIsNotRunningAndItsLockFileIsReleased() throws Exception {
        parent = new ProcessBuilder("sh", "-c", "sleep 0.1 & echo $!; exec sleep 60").start();
        long zombiePid;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            zombiePid = Long.parseLong(out.readLine().trim());
        }
        ProcessHandle zombie = ProcessHandle.of(zombiePid).orElseThrow();
        while (!Postmaster.stateIn(Files.readString(Path.of("/proc", Long.toString(zombiePid), "stat")))
                .equals(Optional.of('Z'))) {
            Thread.sleep(20);
        }
        assertThat(zombie.isAlive()).as("the JDK counts a zombie as alive").isTrue();
        Files.writeString(dataDir.resolve("postmaster.pid"), zombiePid + "\n/data\n");
        Postmaster postmaster = new Postmaster(zombie, List.of("postgres"));

        assertThat(postmaster.running()).isFalse();
        postmaster.releaseLockFileIfDead(dataDir);
        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void aRunningPostmastersLockFileIsLeftAlone() throws Exception {
        parent = new ProcessBuilder("sleep", "60").start();
        Files.writeString(dataDir.resolve("postmaster.pid"), parent.pid() + "\n/data\n");
        Postmaster postmaster = new Postmaster(parent.toHandle(), List.of("sleep"));

        assertThat(postmaster.running()).isTrue();
        postmaster.releaseLockFileIfDead(dataDir);
        assertThat(dataDir.resolve("postmaster.pid")).exists();
    }
}

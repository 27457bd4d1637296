package no.formidler.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the HTTP tests with malware scanning by a real clamd ({@link ClamdProcess#shared()}): a second broker context
 * (with its own database) shared by every such test class. The broker takes at most 30 MiB through the scanner.
 */
public abstract class ClamdScanningApiTest extends ApiTest {
    protected static final ClamdProcess CLAMD = ClamdProcess.shared();
    protected static final long SCAN_LIMIT = 30L * 1024 * 1024;
    private static final SeparateDatabase DATABASE = SeparateDatabase.start();

    @DynamicPropertySource
    static void scanningProperties(DynamicPropertyRegistry registry) {
        DATABASE.register(registry);
        registry.add("formidler.scan.type", () -> "clamd");
        registry.add("formidler.scan.clamd.port", CLAMD::port);
        registry.add("formidler.scan.clamd.stream-max-length", () -> SCAN_LIMIT + "B");
        registry.add("formidler.jobs.poll-interval", () -> "100ms"); // retries of background scans come quickly
        registry.add("formidler.scan.retry-backoff", () -> "PT1M");
    }

    /** Waits up to a minute for {@code condition}, which the background scanner makes true on its own thread. */
    protected static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(50); // the background scanner runs on its own thread; poll its visible effect
        }
    }
}

package no.formidler.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import no.formidler.testsupport.ClamdProcess;
import no.formidler.testsupport.GeneratedContent;
import org.junit.jupiter.api.Test;

/** The INSTREAM client against a real clamd with the EICAR-only signature database, started by the test. */
class RealClamdTest {
    private static final long MIB = 1024 * 1024;
    private static final ClamdProcess CLAMD = ClamdProcess.shared();

    private static ClamdScanner tcp(ClamdProcess clamd) {
        return new ClamdScanner(new ClamdConnection.Address("127.0.0.1", clamd.port(), null), Duration.ofSeconds(5),
                Duration.ofMinutes(2), Long.MAX_VALUE);
    }

    private static ScanOutcome scan(MalwareScanner scanner, InputStream content) throws IOException {
        try (ScanSession session = scanner.open(); InputStream in = session.tee(content)) {
            in.transferTo(OutputStream.nullOutputStream());
            return session.finish();
        }
    }

    private static ScanOutcome.Verdict verdict(ScanOutcome outcome) {
        assertThat(outcome).isInstanceOf(ScanOutcome.Verdict.class);
        return (ScanOutcome.Verdict) outcome;
    }

    @Test
    void theEicarFileAloneIsInfected() throws IOException {
        var verdict = verdict(scan(tcp(CLAMD), new ByteArrayInputStream(ClamdProcess.EICAR.getBytes(StandardCharsets.US_ASCII))));

        assertThat(verdict.result()).isEqualTo(ScanResult.Infected);
        assertThat(verdict.detail()).startsWith("Eicar-Test-Signature");
        assertThat(verdict.scanner().engineVersion()).startsWith("ClamAV ");
    }

    @Test
    void eicarFiveMebibytesDeepInATwentyMebibyteFileIsFound() throws IOException {
        var verdict = verdict(scan(tcp(CLAMD), GeneratedContent.withEicarAt(20 * MIB, 5 * MIB, 1)));

        assertThat(verdict.result()).isEqualTo(ScanResult.Infected);
        assertThat(verdict.detail()).isEqualTo("Eicar-Test-Signature-NDB.UNOFFICIAL");
    }

    @Test
    void aCleanHundredMebibyteFileIsClean() throws IOException {
        long start = System.nanoTime();

        var verdict = verdict(scan(tcp(CLAMD), GeneratedContent.random(100 * MIB, 2)));

        assertThat(verdict.result()).isEqualTo(ScanResult.Clean);
        System.out.printf("Scanned 100 MiB through clamd INSTREAM in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void theUnixSocketWorksAsTcpDoes() throws IOException {
        var scanner = new ClamdScanner(new ClamdConnection.Address(null, 0, CLAMD.socket()), Duration.ofSeconds(5),
                Duration.ofMinutes(1), Long.MAX_VALUE);

        assertThat(verdict(scan(scanner, GeneratedContent.withEicarAt(1 * MIB, 1000, 3))).result()).isEqualTo(ScanResult.Infected);
        assertThat(verdict(scan(scanner, GeneratedContent.random(1 * MIB, 4))).result()).isEqualTo(ScanResult.Clean);
    }

    @Test
    void aStreamOverClamdsStreamMaxLengthIsRefusedByClamdItself() {
        try (ClamdProcess small = ClamdProcess.start("1M")) {
            assertThatThrownBy(() -> scan(tcp(small), GeneratedContent.random(64 * MIB, 5)))
                    .isInstanceOfSatisfying(ScanSession.ScanSizeLimitExceededException.class,
                            e -> assertThat(e.verdict().result()).isEqualTo(ScanResult.TooLarge));
        }
    }

    @Test
    void aKilledClamdGivesNoVerdictAndARestartedOneDoes() throws IOException {
        try (ClamdProcess own = ClamdProcess.start("200M")) {
            ClamdScanner scanner = tcp(own);
            own.kill();
            assertThat(scan(scanner, GeneratedContent.random(MIB, 6))).isInstanceOf(ScanOutcome.Unavailable.class);

            own.restart();
            assertThat(verdict(scan(scanner, GeneratedContent.random(MIB, 6))).result()).isEqualTo(ScanResult.Clean);
        }
    }
}

package no.formidler.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The INSTREAM client against a fake clamd: every reply and every way the conversation can go wrong. */
class ClamdScannerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static ClamdScanner scanner(int port, Duration timeout, long limit) {
        return new ClamdScanner(new ClamdConnection.Address("127.0.0.1", port, null), Duration.ofSeconds(2), timeout, limit);
    }

    private static ClamdScanner scanner(FakeClamd clamd) {
        return scanner(clamd.port(), TIMEOUT, Long.MAX_VALUE);
    }

    private static byte[] bytes(int size) {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return data;
    }

    /** Streams {@code data} through the session's tee as an upload would, and asks for the verdict. */
    private static ScanOutcome scan(ScanSession session, byte[] data) throws IOException {
        try (session; InputStream in = session.tee(new ByteArrayInputStream(data))) {
            in.transferTo(OutputStream.nullOutputStream());
            return session.finish();
        }
    }

    @Test
    void aCleanReplyIsACleanVerdictWithTheEngineAndSignatureVersions() throws IOException {
        try (FakeClamd clamd = FakeClamd.start(FakeClamd.Behaviour.CLEAN)) {
            byte[] data = bytes(3 * 1024 * 1024 + 17);

            ScanOutcome outcome = scan(scanner(clamd).open(), data);

            assertThat(outcome).isInstanceOfSatisfying(ScanOutcome.Verdict.class, v -> {
                assertThat(v.result()).isEqualTo(ScanResult.Clean);
                assertThat(v.scanner()).isEqualTo(new ScannerIdentity("clamd", "ClamAV 1.4.6", "27450"));
            });
            assertThat(clamd.received()).isEqualTo(data);
        }
    }

    @Test
    void aFoundReplyIsAnInfectedVerdictNamingTheSignature() throws IOException {
        try (FakeClamd clamd = FakeClamd.start(FakeClamd.Behaviour.INFECTED)) {
            ScanOutcome outcome = scan(scanner(clamd).open(), bytes(1000));

            assertThat(outcome).isInstanceOfSatisfying(ScanOutcome.Verdict.class, v -> {
                assertThat(v.result()).isEqualTo(ScanResult.Infected);
                assertThat(v.detail()).isEqualTo("Eicar-Test-Signature");
                assertThat(v.failureText()).isEqualTo("Malware scan failed: Malicious. Found: Eicar-Test-Signature");
            });
        }
    }

    @Test
    void clamdsSizeLimitReplyIsReadAfterTheWriteFailsAndStopsTheStream() throws IOException {
        try (FakeClamd clamd = FakeClamd.withSizeLimit(64 * 1024)) {
            ScanSession session = scanner(clamd).open();

            assertThatThrownBy(() -> scan(session, bytes(32 * 1024 * 1024)))
                    .isInstanceOfSatisfying(ScanSession.ScanSizeLimitExceededException.class,
                            e -> assertThat(e.verdict().result()).isEqualTo(ScanResult.TooLarge));
        }
    }

    @Test
    void aStreamOverTheConfiguredLimitIsRefusedWithoutWaitingForClamd() throws IOException {
        try (FakeClamd clamd = FakeClamd.start(FakeClamd.Behaviour.CLEAN)) {
            ScanSession session = scanner(clamd.port(), TIMEOUT, 1000).open();

            assertThatThrownBy(() -> scan(session, bytes(1001)))
                    .isInstanceOfSatisfying(ScanSession.ScanSizeLimitExceededException.class,
                            e -> assertThat(e.verdict().failureText()).contains("at most 1000 bytes"));
        }
    }

    @Test
    void anErrorReplyIsNoVerdict() throws IOException {
        try (FakeClamd clamd = FakeClamd.start(FakeClamd.Behaviour.ERROR_REPLY)) {
            assertThat(scan(scanner(clamd).open(), bytes(1000)))
                    .isInstanceOfSatisfying(ScanOutcome.Unavailable.class,
                            u -> assertThat(u.reason()).contains("Can't allocate memory ERROR"));
        }
    }

    @Test
    void aConnectionClosedWithoutAReplyIsNoVerdict() throws IOException {
        try (FakeClamd clamd = FakeClamd.start(FakeClamd.Behaviour.CLOSE_WITHOUT_REPLY)) {
            assertThat(scan(scanner(clamd).open(), bytes(1000))).isInstanceOf(ScanOutcome.Unavailable.class);
        }
    }

    @Test
    void aClamdThatDoesNotAnswerInTimeIsNoVerdict() throws IOException {
        try (FakeClamd clamd = FakeClamd.start(FakeClamd.Behaviour.NEVER_ANSWER)) {
            long start = System.nanoTime();

            ScanOutcome outcome = scan(scanner(clamd.port(), Duration.ofMillis(300), Long.MAX_VALUE).open(), bytes(1000));

            assertThat(outcome).isInstanceOfSatisfying(ScanOutcome.Unavailable.class,
                    u -> assertThat(u.reason()).contains("did not answer within"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aClamdThatIsNotRunningIsNoVerdictAndTheStreamStillFlows() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        byte[] data = bytes(100_000);
        ScanSession session = scanner(port, TIMEOUT, Long.MAX_VALUE).open();
        byte[] passed;
        try (InputStream in = session.tee(new ByteArrayInputStream(data))) {
            passed = in.readAllBytes();
        }

        assertThat(passed).isEqualTo(data);
        assertThat(session.finish()).isInstanceOfSatisfying(ScanOutcome.Unavailable.class,
                u -> assertThat(u.reason()).contains("could not be reached"));
    }
}

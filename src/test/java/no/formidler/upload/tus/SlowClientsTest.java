package no.formidler.upload.tus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Slow clients cost a thread at most, never the API: more uploads trickling in at 1 KiB/s (TUS PATCHes and streamed
 * uploads) than the database pool has connections, while other clients initialize and read transfers. bench/run
 * measures the same with 200 slow clients; IdleClientIT checks the idle timeout.
 */
class SlowClientsTest extends ApiTest {
    private static final int SLOW_TUS = 15;
    private static final int SLOW_STREAMED = 15;
    private static final int BODY = 8 * 1024;

    @Test
    void uploadsTricklingInHoldNoDatabaseConnectionAndTheApiAnswersMeanwhile() throws Exception {
        Scenario cast = scenario().ready();
        TusRequests tus = new TusRequests(client, cast.senderToken);
        ExecutorService pool = Executors.newFixedThreadPool(SLOW_TUS + SLOW_STREAMED + 8);
        try {
            List<Future<String>> slow = new ArrayList<>();
            for (int i = 0; i < SLOW_TUS + SLOW_STREAMED; i++) {
                String id = cast.initialize();
                String head;
                if (i < SLOW_TUS) {
                    assertThat(tus.create(id, BODY).status()).isEqualTo(201);
                    head = "PATCH " + TusRequests.BASE + "/" + id + " HTTP/1.1\r\nTus-Resumable: 1.0.0\r\n"
                            + "Content-Type: application/offset+octet-stream\r\nUpload-Offset: 0\r\n";
                } else {
                    head = "POST /broker/api/v1/filetransfer/" + id + "/upload HTTP/1.1\r\n"
                            + "Content-Type: application/octet-stream\r\n";
                }
                slow.add(pool.submit(() -> trickle(port, cast.senderToken, head)));
            }
            String sample = cast.initialize();
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
            List<Future<?>> load = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                load.add(pool.submit(() -> {
                    while (System.nanoTime() < until) {
                        long t0 = System.nanoTime();
                        var overview = client.get("/broker/api/v1/filetransfer/" + sample, cast.senderToken);
                        var initialized = client.postJson("/broker/api/v1/filetransfer", cast.senderToken,
                                cast.initializeJson("f", List.of(cast.recipient1), ""));
                        latencies.add((System.nanoTime() - t0) / 2);
                        if (overview.status() != 200 || initialized.status() != 200) {
                            failures.add(overview.status() + "/" + initialized.status());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : load) {
                f.get();
            }
            for (Future<String> f : slow) {
                assertThat(f.get(60, TimeUnit.SECONDS)).as("a slow upload's answer").matches("HTTP/1.1 20[04] ");
            }
            assertThat(failures).as("API requests that failed while slow uploads streamed").isEmpty();
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            double p99 = sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6;
            // The 100 ms target is bench/run's, at 200 slow clients on a quiet machine. On a loaded CI machine a looser
            // bound still tells a pool held by slow bodies apart: requests would wait for the trickles to end (8 s).
            assertThat(p99).as("p99 of overview and initialize in ms, %d requests", sorted.length).isLessThan(5_000);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sends the body 1 KiB a second; returns the status line of the answer. */
    private static String trickle(int port, String token, String head) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "Host: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\nContent-Length: " + BODY
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] kib = new byte[1024];
            Arrays.fill(kib, (byte) 'x');
            for (int sent = 0; sent < BODY; sent += kib.length) {
                out.write(kib);
                out.flush();
                Thread.sleep(1_000);
            }
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).lines().findFirst().orElse("");
        }
    }
}

package no.formidler.upload.tus;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.BrokerProcess;
import org.junit.jupiter.api.Test;

/** A client that stops sending in the middle of a body is cut after the idle timeout, and its connection freed. */
class IdleClientIT {
    private static final int BODY = 8 * 1024;

    @Test
    void aClientThatStopsSendingMidChunkIsCutAfterTheIdleTimeoutAndItsBytesAreKept() throws Exception {
        try (BrokerProcess broker = BrokerProcess.start(Files.createTempDirectory("formidler-idle-"),
                Map.of("server.tomcat.connection-timeout", "2s"))) {
            BrokerClient client = new BrokerClient(broker.baseUrl());
            DevTokenCast cast = new DevTokenCast(client);
            TusRequests tus = new TusRequests(client, cast.senderToken);
            String id = cast.initialize(client);
            String url = TusRequests.BASE + "/" + id;
            assertThat(tus.create(id, BODY).status()).isEqualTo(201);
            long t0 = System.nanoTime();
            try (Socket stalled = DevTokenCast.halfSentPatch(broker.baseUrl(), url, cast.senderToken, 0, new byte[BODY], 3_000)) {
                stalled.setSoTimeout(30_000);
                String status = new String(stalled.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).lines()
                        .findFirst().orElse("");
                double seconds = (System.nanoTime() - t0) / 1e9;
                // Tomcat answers a body read that timed out with 408 Request Timeout, whatever the handler made of it.
                assertThat(status).as("the answer to a PATCH whose client went quiet").matches("HTTP/1.1 (204|408) ");
                assertThat(seconds).as("seconds until the quiet client was cut").isBetween(1.5, 20.0);
            }
            assertThat(tus.head(url).header("Upload-Offset")).isEqualTo("3000");
        }
    }
}

package no.formidler.upload.tus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.Scenario;

/**
 * A service owner, a resource, a sender and a recipient on a broker process with development tokens, for the TUS
 * tests that run the broker as its own process (crash, several nodes).
 */
final class DevTokenCast {
    final String senderToken;
    final String recipientToken;
    final String resourceId = "tus-" + UUID.randomUUID().toString().substring(0, 8);
    private final String sender = Scenario.randomOrg();
    private final String recipient = Scenario.randomOrg();

    DevTokenCast(BrokerClient client) {
        String owner = Scenario.randomOrg();
        String ownerToken = token(client, owner, Scenario.SERVICE_OWNER);
        senderToken = token(client, sender, Scenario.WRITE + " " + Scenario.READ);
        recipientToken = token(client, recipient, Scenario.READ);
        assertThat(client.postJson("/broker/api/v1/serviceowner", ownerToken, "{\"name\":\"Owner\"}").status()).isEqualTo(200);
        assertThat(client.putJson("/broker/api/v1/resource/" + resourceId, ownerToken, "{}").status()).isEqualTo(204);
        assertThat(client.putJson("/broker/api/v1/resource/" + resourceId + "/policy", ownerToken, """
                {"rules":[{"subjects":["0192:%s"],"actions":["write","read"]},
                          {"subjects":["0192:%s"],"actions":["read"]}]}""".formatted(sender, recipient)).status())
                .isEqualTo(200);
    }

    String initialize(BrokerClient client) {
        var response = client.postJson("/broker/api/v1/filetransfer", senderToken, """
                {"fileName":"big.bin","resourceId":"%s","sendersFileTransferReference":"r","sender":"0192:%s",
                 "recipients":["0192:%s"]}""".formatted(resourceId, sender, recipient));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("fileTransferId").asString();
    }

    private static String token(BrokerClient client, String org, String scopes) {
        var response = client.get("/dev/tokens/enterprise?orgNo=" + org + "&scopes=" + scopes.replace(" ", "%20"), null);
        assertThat(response.status()).isEqualTo(200);
        return response.body().strip();
    }

    /** Opens a PATCH on a raw socket and sends its headers and the first {@code sent} bytes of {@code chunk}. */
    static Socket halfSentPatch(String baseUrl, String path, String token, long offset, byte[] chunk, int sent)
            throws java.io.IOException {
        Socket socket = new Socket("127.0.0.1", URI.create(baseUrl).getPort());
        OutputStream out = socket.getOutputStream();
        out.write(("PATCH " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nTus-Resumable: 1.0.0\r\nContent-Type: application/offset+octet-stream\r\nUpload-Offset: " + offset
                + "\r\nContent-Length: " + chunk.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(chunk, 0, sent);
        out.flush();
        return socket;
    }
}

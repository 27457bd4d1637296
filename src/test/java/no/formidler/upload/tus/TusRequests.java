package no.formidler.upload.tus;

import java.net.http.HttpRequest;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import no.formidler.testsupport.BrokerClient;

/** TUS requests as a client sends them, over real HTTP with the JDK client. */
final class TusRequests {
    static final String BASE = "/broker/api/v1/filetransfer/upload/tus";
    private final BrokerClient client;
    private final String token;

    TusRequests(BrokerClient client, String token) {
        this.client = client;
        this.token = token;
    }

    TusRequests as(String otherToken) {
        return new TusRequests(client, otherToken);
    }

    BrokerClient.Response create(String transferId, long length, String... headers) {
        return send("POST", BASE + "/" + transferId, HttpRequest.BodyPublishers.noBody(),
                with(headers, "Upload-Length", String.valueOf(length)));
    }

    BrokerClient.Response post(String path, String... headers) {
        return send("POST", path, HttpRequest.BodyPublishers.noBody(), with(headers));
    }

    BrokerClient.Response head(String path, String... headers) {
        return send("HEAD", path, HttpRequest.BodyPublishers.noBody(), with(headers));
    }

    BrokerClient.Response patch(String path, long offset, byte[] chunk, String... headers) {
        return patch(path, offset, HttpRequest.BodyPublishers.ofByteArray(chunk), headers);
    }

    BrokerClient.Response patch(String path, long offset, HttpRequest.BodyPublisher body, String... headers) {
        return send("PATCH", path, body, with(headers, "Content-Type", "application/offset+octet-stream",
                "Upload-Offset", String.valueOf(offset)));
    }

    BrokerClient.Response delete(String path, String... headers) {
        return send("DELETE", path, HttpRequest.BodyPublishers.noBody(), with(headers));
    }

    BrokerClient.Response options(String path) {
        return client.send(client.request(path, token).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
    }

    /** Sends exactly the headers given (no Tus-Resumable unless among them). */
    BrokerClient.Response raw(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
        return client.send(client.request(path, token, headers).method(method, body).build());
    }

    private BrokerClient.Response send(String method, String path, HttpRequest.BodyPublisher body, String[] headers) {
        return raw(method, path, body, headers);
    }

    /** Tus-Resumable first, then the caller's headers, then defaults the caller did not override. */
    private static String[] with(String[] headers, String... defaults) {
        List<String> all = new ArrayList<>(List.of("Tus-Resumable", "1.0.0"));
        all.addAll(List.of(headers));
        for (int i = 0; i < defaults.length; i += 2) {
            String name = defaults[i];
            boolean given = false;
            for (int j = 0; j < headers.length; j += 2) {
                given |= headers[j].equalsIgnoreCase(name);
            }
            if (!given) {
                all.add(name);
                all.add(defaults[i + 1]);
            }
        }
        return all.toArray(String[]::new);
    }

    static String checksum(String algorithm, byte[] data) throws Exception {
        String jdk = switch (algorithm) {
            case "md5" -> "MD5";
            case "sha1" -> "SHA-1";
            default -> "SHA-256";
        };
        return algorithm + " " + Base64.getEncoder().encodeToString(MessageDigest.getInstance(jdk).digest(data));
    }
}

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The broker's API as the benchmark uses it, with development tokens for one sender and one recipient. */
final class Api {
    static final String OWNER = "991825827";
    static final String RECIPIENT = "986252932";
    static final String RESOURCE = "bench-resource";
    private static final Pattern ID = Pattern.compile("\"fileTransferId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final String baseUrl;
    final String senderToken;
    final String recipientToken;

    Api(String baseUrl) throws Exception {
        this.baseUrl = baseUrl;
        String ownerToken = token(OWNER, "altinn:serviceowner altinn:broker.write altinn:broker.read altinn:events.subscribe");
        this.senderToken = ownerToken;
        this.recipientToken = token(RECIPIENT, "altinn:broker.read altinn:events.subscribe");
        send(json("/broker/api/v1/serviceowner", ownerToken, "POST", "{\"name\":\"Bench\"}"));
        expect(200, json("/broker/api/v1/resource/" + RESOURCE, ownerToken, "PUT", "{\"maxFileTransferSize\":1000000000000}"));
        expect(200, json("/broker/api/v1/resource/" + RESOURCE + "/policy", ownerToken, "PUT",
                "{\"rules\":[{\"subjects\":[\"0192:" + OWNER + "\"],\"actions\":[\"write\",\"read\",\"subscribe\"]},"
                        + "{\"subjects\":[\"0192:" + RECIPIENT + "\"],\"actions\":[\"read\",\"subscribe\"]}]}"));
    }

    String token(String org, String scopes) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/dev/tokens/enterprise?orgNo=" + org + "&scopes="
                + scopes.replace(" ", "%20"))).build()).body();
    }

    static final String INITIALIZE_BODY = "{\"fileName\":\"bench.bin\",\"resourceId\":\"" + RESOURCE
            + "\",\"sendersFileTransferReference\":\"bench\",\"sender\":\"0192:" + OWNER
            + "\",\"recipients\":[\"0192:" + RECIPIENT + "\"]}";

    HttpRequest initializeRequest() {
        return request("/broker/api/v1/filetransfer", senderToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE_BODY)).build();
    }

    String initialize() throws Exception {
        return idOf(expect(200, initializeRequest()).body());
    }

    static String idOf(String body) {
        Matcher m = ID.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("No fileTransferId in " + body);
        }
        return m.group(1);
    }

    void upload(String id, HttpRequest.BodyPublisher body) throws Exception {
        expect(200, request("/broker/api/v1/filetransfer/" + id + "/upload", senderToken)
                .header("Content-Type", "application/octet-stream").POST(body).build());
    }

    void uploadFile(String id, Path file) throws Exception {
        upload(id, HttpRequest.BodyPublishers.ofFile(file));
    }

    /** Downloads (a range of) the file and returns the number of bytes read. */
    long download(String id, String range) throws Exception {
        HttpRequest.Builder request = request("/broker/api/v1/filetransfer/" + id + "/download", recipientToken);
        if (range != null) {
            request.header("Range", range);
        }
        return drain(http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    static long drain(HttpResponse<InputStream> response) throws IOException {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " " + response.uri());
        }
        long count = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = response.body()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                count += n;
            }
        }
        return count;
    }

    /**
     * Creates a TUS upload of {@code length} bytes for the transfer ({@code concat}: "partial", or null for a single
     * upload) and returns its path, failing unless the answer is 201.
     */
    String createTusUpload(String id, long length, String concat) throws Exception {
        HttpRequest.Builder request = request("/broker/api/v1/filetransfer/upload/tus/" + id, senderToken)
                .header("Tus-Resumable", "1.0.0").header("Upload-Length", Long.toString(length));
        if (concat != null) {
            request.header("Upload-Concat", concat);
        }
        HttpResponse<String> created = send(request.POST(HttpRequest.BodyPublishers.noBody()).build());
        if (created.statusCode() != 201) {
            throw new IOException("TUS creation for " + id + " answered " + created.statusCode() + " " + created.body());
        }
        return URI.create(baseUrl).resolve(created.headers().firstValue("Location").orElseThrow()).getPath();
    }

    HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofMinutes(30))
                .header("Authorization", "Bearer " + token);
    }

    HttpRequest json(String path, String token, String method, String body) {
        return request(path, token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Sends and checks for a 2xx (or exactly {@code status} when it is not 200). */
    HttpResponse<String> expect(int status, HttpRequest request) throws Exception {
        HttpResponse<String> response = send(request);
        boolean ok = status == 200 ? response.statusCode() / 100 == 2 : response.statusCode() == status;
        if (!ok) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " → " + response.statusCode() + " " + response.body());
        }
        return response;
    }
}

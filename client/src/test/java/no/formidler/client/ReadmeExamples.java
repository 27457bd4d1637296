package no.formidler.client;

import com.sun.net.httpserver.HttpExchange;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The Java examples of README.md, verbatim: {@link ReadmeExamplesTest} checks that every example there is here (so it
 * compiles) and runs those that need only a broker.
 */
final class ReadmeExamples {
    private ReadmeExamples() {
    }

    static void administer(String baseUrl) {
        BrokerClient client = BrokerClient.builder().baseUrl(baseUrl)
                .tokens(TokenProvider.development(baseUrl, "974760673", "altinn:serviceowner"))
                .build();
        Administration admin = client.administration();
        admin.registerServiceOwner("Brønnøysundregistrene");
        admin.putResource("my-resource", ResourceSettings.of(1_000_000_000L, "P30D"));
        admin.putPolicy("my-resource", AccessPolicy.of(
                AccessPolicy.allow("0192:991825827", "write", "read"),
                AccessPolicy.allow("0192:986252932", "read", "subscribe")));
    }

    static UUID send(String baseUrl, Path file) {
        BrokerClient client = BrokerClient.builder().baseUrl(baseUrl)
                .tokens(TokenProvider.development(baseUrl, "991825827", "altinn:broker.write altinn:broker.read"))
                .build();
        UUID id = client.send(FileTransferRequest.of(file.getFileName().toString(), "my-resource",
                        "0192:991825827", List.of("0192:986252932")).withReference("invoice-2026-118"),
                file, UploadOptions.DEFAULT.stateFile(Path.of(file + ".upload")));  // resumable after a crash
        FileTransferOverview sent = client.awaitProcessed(id, Duration.ofMinutes(5));
        System.out.println(sent.fileTransferStatus() + " " + sent.sha256());
        return id;
    }

    static void receive(String baseUrl, Path inbox) {
        BrokerClient client = BrokerClient.builder().baseUrl(baseUrl)
                .tokens(TokenProvider.development(baseUrl, "986252932", "altinn:broker.read"))
                .build();
        for (UUID id : client.search(SearchQuery.resource("my-resource").status("Published"))) {
            FileTransferOverview transfer = client.overview(id);
            ReceivedFile file = client.download(id, inbox.resolve(id + "-" + transfer.fileName()));
            client.confirm(id);  // only after SHA-256 and MD5 matched
            System.out.println("received " + file.path() + " " + file.size() + " bytes");
        }
    }

    static void follow(String baseUrl, Path inbox) {
        BrokerClient client = BrokerClient.builder().baseUrl(baseUrl)
                .tokens(TokenProvider.development(baseUrl, "986252932", "altinn:broker.read altinn:events.subscribe"))
                .build();
        EventFeed feed = client.events("my-resource", CursorStore.file(inbox.resolve(".cursor")))
                .types(CloudEvent.PUBLISHED);
        for (CloudEvent event : feed) {  // the cursor is stored as the loop moves on
            client.download(event.fileTransferId(), inbox.resolve(event.fileTransferId() + ".bin"));
            client.confirm(event.fileTransferId());
        }
    }

    static BrokerClient maskinporten(String clientId, String kid, String subscriptionKey) {
        TokenProvider tokens = TokenProvider.maskinporten()
                .tokenEndpoint("https://test.maskinporten.no/token")
                .audience("https://test.maskinporten.no/")
                .clientId(clientId).keyFile(Path.of("client-key.pem")).kid(kid)
                .scopes("altinn:broker.write", "altinn:broker.read")
                .exchangeUrl("https://platform.tt02.altinn.no/authentication/api/v1/exchange/maskinporten")
                .build();  // cached, and fetched again shortly before it expires
        BrokerClient client = BrokerClient.builder().baseUrl("https://platform.tt02.altinn.no")
                .tokens(tokens).subscriptionKey(subscriptionKey).build();
        return client;
    }

    static void webhook(HttpExchange exchange, String secret) throws java.io.IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        var headers = exchange.getRequestHeaders();
        try {
            new WebhookSignatureVerifier(secret).verify(headers.getFirst("webhook-id"),
                    headers.getFirst("webhook-timestamp"), headers.getFirst("webhook-signature"), body);
            exchange.sendResponseHeaders(200, -1);  // then handle the CloudEvent in body
        } catch (VerificationFailedException e) {
            exchange.sendResponseHeaders(401, -1);
        }
    }
}

package no.formidler.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import no.formidler.client.BrokerUnreachableException;
import no.formidler.client.evidence.EvidenceKeys;
import no.formidler.client.evidence.Receipt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Checks a receipt (docs/evidence.md): its signature with the broker's published keys (a saved JWKS file, its URL,
 * or one pinned PEM key), and with {@code --file} that the file is the one it is about. Exit code 5 when not.
 */
@Command(name = "verify-receipt", mixinStandardHelpOptions = true,
        description = "Check a signed receipt, and optionally that a file is the one it certifies.")
final class VerifyReceiptCommand implements Callable<Integer> {
    @Mixin
    Session session;

    @Parameters(paramLabel = "FILE.jws", description = "The receipt, as the broker gave it (compact JWS).")
    Path receipt;

    @Option(names = "--file", paramLabel = "THE_FILE", description = "The file to compare with the receipt's SHA-256.")
    Path file;

    @Option(names = "--jwks", paramLabel = "FILE|URL",
            description = "The broker's keys (its /.well-known/jwks.json, saved or by URL); default: the profile's broker.")
    String jwks;

    @Option(names = "--key", paramLabel = "PEM", description = "A pinned public key (PEM) to use instead of a JWKS.")
    Path pinnedKey;

    @Override
    public Integer call() throws IOException {
        Receipt verified = Receipt.verify(Files.readString(receipt), keys());
        if (file != null) {
            verified.requireFile(file);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("verified", true);
        fields.put("kind", verified.kind());
        fields.put("fileTransferId", verified.fileTransferId());
        fields.put("fileName", verified.fileName());
        fields.put("fileSize", verified.fileSize());
        fields.put("sha256", verified.sha256());
        fields.put("sender", verified.sender());
        verified.recipient().ifPresent(r -> fields.put("recipient", r));
        fields.put("time", verified.time());
        fields.put("issuer", verified.issuer());
        fields.put("fileChecked", file != null);
        session.out().result("Receipt verified: " + verified.kind() + " of " + verified.fileName() + " ("
                + verified.fileSize() + " bytes, SHA-256 " + verified.sha256() + ") in transfer "
                + verified.fileTransferId() + ", from " + verified.sender()
                + verified.recipient().map(r -> " to " + r).orElse("") + " at " + verified.time() + ", signed by "
                + verified.issuer() + (file != null ? "; the file matches." : "."), fields);
        return ExitCodes.OK;
    }

    private EvidenceKeys keys() throws IOException {
        if (pinnedKey != null) {
            return EvidenceKeys.pinned(Files.readString(pinnedKey));
        }
        String source = jwks != null ? jwks : session.profile().baseUrl().replaceAll("/+$", "") + "/.well-known/jwks.json";
        if (!source.startsWith("http://") && !source.startsWith("https://")) {
            return EvidenceKeys.fromJwks(Files.readString(Path.of(source)));
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(source)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new UsageException("Could not get the keys from " + source + ": HTTP " + response.statusCode());
            }
            return EvidenceKeys.fromJwks(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnreachableException("Interrupted while fetching " + source,
                    new java.io.InterruptedIOException(e.getMessage()));
        } catch (IOException e) {
            throw new BrokerUnreachableException("Could not reach " + source, e);
        }
    }
}

package no.formidler.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import no.formidler.client.BrokerClient;
import no.formidler.client.BrokerProblemException;
import no.formidler.client.FileTransferOverview;
import no.formidler.client.FileTransferRequest;
import no.formidler.client.UploadOptions;

/**
 * Sends one file so that the same command, run again after a crash or Ctrl-C, continues the same transfer: the
 * transfer's id and the TUS upload's state are kept under a key made of the file and the request, until the
 * broker has processed the upload. A refusal removes the state (it cannot be resumed).
 */
final class Sending {
    private static final Duration PROCESSING = Duration.ofMinutes(30);
    private final BrokerClient client;
    private final Path stateDir;
    private final Output out;
    private final String sender;

    Sending(Session session) {
        this.client = session.client();
        this.stateDir = session.stateDir().resolve("sends");
        this.out = session.out();
        this.sender = session.profile().party();
    }

    record Request(String resourceId, List<String> recipients, String reference, Map<String, String> properties) {
    }

    record Pending(UUID fileTransferId) {
    }

    FileTransferOverview send(Path file, Request request) {
        String key = key(file, request);
        Path pending = stateDir.resolve(key + ".json");
        Path upload = stateDir.resolve(key + ".tus.json");
        try {
            UUID id = readPending(pending);
            if (id == null) {
                FileTransferRequest initialize = FileTransferRequest.of(file.getFileName().toString(), request.resourceId(),
                        sender, request.recipients().stream().map(Sending::party).toList());
                if (request.reference() != null) {
                    initialize = initialize.withReference(request.reference());
                }
                if (!request.properties().isEmpty()) {
                    initialize = initialize.withProperties(request.properties());
                }
                id = client.initialize(initialize);
                Files.createDirectories(stateDir);
                Files.writeString(pending, id.toString());
            } else {
                out.note("Resuming transfer " + id + " of " + file);
            }
            client.upload(id, file, UploadOptions.DEFAULT.stateFile(upload).progress(out.progress(file.getFileName().toString())));
            FileTransferOverview overview = client.awaitProcessed(id, PROCESSING);
            Files.deleteIfExists(pending);
            return overview;
        } catch (BrokerProblemException e) {
            delete(pending);
            delete(upload);
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 991825827}, {@code 0192:991825827} or the URN: the broker takes the last two. */
    static String party(String org) {
        return org.matches("\\d{9}") ? "0192:" + org : org;
    }

    private static UUID readPending(Path pending) throws IOException {
        return Files.exists(pending) ? UUID.fromString(Files.readString(pending).strip()) : null;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale state file is found again and overwritten
        }
    }

    private static String key(Path file, Request request) {
        try {
            String identity = file.toAbsolutePath().normalize() + "\n" + Files.size(file) + "\n"
                    + Files.getLastModifiedTime(file).toMillis() + "\n" + request.resourceId() + "\n" + request.recipients()
                    + "\n" + request.reference() + "\n" + new TreeMap<>(request.properties());
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(identity.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

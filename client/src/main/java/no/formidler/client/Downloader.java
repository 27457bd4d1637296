package no.formidler.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Downloads into {@code <target>.part} and continues a cut download from that file's length with a {@code Range}
 * request; the file is renamed to its target only after its SHA-256 and MD5 match the broker's. A mismatch deletes
 * the part, so the next attempt starts clean.
 */
final class Downloader {
    private static final int BUFFER = 256 * 1024;
    private final BrokerHttp http;
    private final RetryPolicy retry;
    private final Duration timeout;

    Downloader(BrokerHttp http, RetryPolicy retry, Duration timeout) {
        this.http = http;
        this.retry = retry;
        this.timeout = timeout;
    }

    static Path partFile(Path target) {
        return target.resolveSibling(target.getFileName() + ".part");
    }

    ReceivedFile download(FileTransferOverview transfer, Path target, ProgressListener progress) throws IOException {
        Path part = partFile(target);
        long size = transfer.fileTransferSize();
        if (Files.exists(part) && Files.size(part) > size) {
            Files.delete(part);
        }
        long resumedFrom = Files.exists(part) ? Files.size(part) : 0;
        MessageDigest sha256 = digest("SHA-256");
        MessageDigest md5 = digest("MD5");
        hashExisting(part, sha256, md5);
        long written = resumedFrom;
        progress.progress(written, size);
        for (int attempt = 1; written < size || !Files.exists(part); attempt++) {
            try {
                written = fetch(transfer.fileTransferId(), part, written, size, sha256, md5, progress);
            } catch (BrokerUnreachableException e) {
                if (attempt >= retry.maxAttempts()) {
                    throw e;
                }
                // Start the digests again from what the part file really holds.
                sha256.reset();
                md5.reset();
                hashExisting(part, sha256, md5);
                written = Files.exists(part) ? Files.size(part) : 0;
            }
        }
        String sha = HexFormat.of().formatHex(sha256.digest());
        String md = HexFormat.of().formatHex(md5.digest());
        if (!matches(transfer.sha256(), sha) || !matches(transfer.checksum(), md)) {
            Files.deleteIfExists(part);
            throw new VerificationFailedException("The received file " + transfer.fileTransferId() + " does not match: SHA-256 "
                    + sha + " (broker: " + transfer.sha256() + "), MD5 " + md + " (broker: " + transfer.checksum() + ")");
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new ReceivedFile(transfer.fileTransferId(), target, size, sha, md, resumedFrom);
    }

    /** Appends bytes from {@code from} to the part file; answers how many bytes the part file now holds. */
    private long fetch(UUID id, Path part, long from, long size, MessageDigest sha256, MessageDigest md5,
                       ProgressListener progress) throws IOException {
        HttpResponse<InputStream> response = http.send(() -> {
            HttpRequest.Builder request = http.request("/broker/api/v1/filetransfer/" + id + "/download", timeout).GET();
            if (from > 0) {
                request.header("Range", "bytes=" + from + "-");
            }
            return request.build();
        }, BrokerHttp.Safety.SAFE);
        if (from > 0 && response.statusCode() != 206) {
            BrokerHttp.close(response);
            throw new BrokerProblemException(response.statusCode(), null, "The broker ignored the Range request", null, null);
        }
        long written = from;
        try (InputStream body = response.body();
             OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = body.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                sha256.update(buffer, 0, n);
                md5.update(buffer, 0, n);
                written += n;
                progress.progress(written, size);
            }
        } catch (IOException e) {
            throw new BrokerUnreachableException("The download broke off at byte " + written + ": " + e, e);
        }
        if (written < size) {
            throw new BrokerUnreachableException("The download ended early at byte " + written + " of " + size,
                    new IOException("short body"));
        }
        return written;
    }

    private static void hashExisting(Path part, MessageDigest sha256, MessageDigest md5) throws IOException {
        if (!Files.exists(part)) {
            return;
        }
        try (InputStream in = Files.newInputStream(part)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha256.update(buffer, 0, n);
                md5.update(buffer, 0, n);
            }
        }
    }

    /** The broker may not know a checksum (Altinn 3 Broker has no SHA-256): then there is nothing to compare. */
    private static boolean matches(String expected, String actual) {
        return expected == null || expected.isBlank() || expected.equalsIgnoreCase(actual);
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

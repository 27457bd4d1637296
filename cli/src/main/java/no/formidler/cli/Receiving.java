package no.formidler.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import no.formidler.client.BrokerClient;
import no.formidler.client.FileTransferOverview;
import no.formidler.client.ReceivedFile;

/**
 * Receives one file into a directory under its own (sanitised) name, continuing a cut download, verifying it, and
 * confirming if asked. A file already there with the broker's SHA-256 counts as received, so a receive repeated
 * after a crash between download and confirmation confirms without a second copy.
 */
final class Receiving {
    private final BrokerClient client;
    private final Output out;
    private final String org;

    Receiving(Session session) {
        this.client = session.client();
        this.out = session.out();
        this.org = session.profile().org();
    }

    record Received(FileTransferOverview transfer, Path path, boolean alreadyThere, long resumedFrom) {
    }

    Received receive(UUID id, Path dir, boolean confirm) {
        try {
            Files.createDirectories(dir);
            FileTransferOverview transfer = client.overview(id);
            Path target = dir.resolve(safeName(transfer.fileName(), id));
            Received received;
            if (Files.exists(target) && transfer.sha256() != null && transfer.sha256().equalsIgnoreCase(sha256(target))) {
                received = new Received(transfer, target, true, 0);
            } else {
                if (Files.exists(target)) {
                    target = dir.resolve(id + "_" + target.getFileName());
                }
                ReceivedFile file = client.download(id, target, out.progress(target.getFileName().toString()));
                if (file.resumedFrom() > 0) {
                    out.note("Resumed " + target.getFileName() + " at byte " + file.resumedFrom());
                }
                received = new Received(transfer, target, false, file.resumedFrom());
            }
            // Confirmed already (a receive cut off after its confirmation): the broker refuses a second one.
            if (confirm && !transfer.statusOf(org).filter("DownloadConfirmed"::equals).isPresent()) {
                client.confirm(id);
            }
            return received;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last path element only, without characters that a file system or a shell would read otherwise. */
    static String safeName(String fileName, UUID id) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\x00-\\x1f:*?\"<>|]", "_").strip();
        return name.isEmpty() || name.equals(".") || name.equals("..") || name.startsWith(".") ? id + "_" + name : name;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[256 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package no.formidler.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Blobs as files under one directory. A write goes to a temporary file that is flushed to disk and then moved into
 * place atomically, so a reader never sees a partial blob, also after a crash.
 */
public class FileSystemBlobStore implements BlobStore {
    private static final int BUFFER_SIZE = 256 * 1024;
    private final Path root;
    private final Path incoming;

    public FileSystemBlobStore(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.incoming = this.root.resolve(".incoming");
        Files.createDirectories(incoming);
    }

    @Override
    public long write(String key, InputStream content) throws IOException {
        Path target = pathOf(key);
        Path temp = incoming.resolve(UUID.randomUUID() + ".part");
        try {
            long written = 0;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel)) {
                byte[] buffer = new byte[BUFFER_SIZE];
                int n;
                while ((n = content.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    written += n;
                }
                channel.force(true);
            }
            Files.createDirectories(target.getParent());
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return written;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public InputStream read(String key, long offset, long length) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(pathOf(key), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new BlobNotFoundException(key);
        }
        channel.position(offset);
        return new BoundedInputStream(Channels.newInputStream(channel), length);
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(pathOf(key));
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(pathOf(key));
    }

    private Path pathOf(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.startsWith(incoming) || key.isBlank()) {
            throw new IllegalArgumentException("Not a blob key: " + key);
        }
        return path;
    }
}

package no.formidler.storage.filesystem;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import no.formidler.storage.BlobNotFoundException;
import no.formidler.storage.BlobStore;
import no.formidler.storage.BufferRelay;
import no.formidler.storage.DigestingComposer;
import no.formidler.storage.FileDigests;
import no.formidler.storage.ListableStore;
import no.formidler.storage.LocalFileReadable;
import no.formidler.storage.PartedBlobStore;
import no.formidler.storage.ReachableStore;
import no.formidler.storage.StorageFullException;
import no.formidler.storage.SupersededWriteException;

/**
 * Blobs as files under one directory. A write goes to a temporary file that is flushed to disk and then moved into
 * place atomically, so a reader never sees a partial blob, also after a crash; its bytes go to the disk while they
 * arrive ({@link EarlyWriteback}), not all at that flush. Parted uploads are one staging file
 * each under {@code .parts/}, written at each part's offset (its bytes, too, sent to the disk while they arrive) and
 * moved into place whole by {@link #compose}. The uploads that {@link #compose} joins into one blob (TUS parallel
 * uploads) are written, read for the join and joined past the page cache ({@link DirectIo}): a client that splits its
 * upload asks for throughput, and writing the same bytes into new page-cache pages twice was most of its cost; the
 * joined blob's first reader reads it from the disk.
 */
public class FileSystemBlobStore implements BlobStore, PartedBlobStore, DigestingComposer, ReachableStore, LocalFileReadable,
        ListableStore {
    private static final int BUFFER_SIZE = 256 * 1024;
    /** Writes of every upload on this node, and a join's reads ahead; each waits for the disk, so more than cores. */
    private static final ExecutorService IO = Executors.newFixedThreadPool(
            Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), task -> {
                Thread thread = new Thread(task, "store-io");
                thread.setDaemon(true);
                return thread;
            });
    private final Path root;
    private final Path incoming;
    private final Path parts;
    private final DirectIo directIo;

    public FileSystemBlobStore(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.incoming = this.root.resolve(".incoming");
        this.parts = this.root.resolve(".parts");
        Files.createDirectories(incoming);
        Files.createDirectories(parts);
        this.directIo = DirectIo.probe(parts);
    }

    @Override
    public long write(String key, InputStream content) throws IOException {
        Path target = pathOf(key);
        Path temp = incoming.resolve(UUID.randomUUID() + ".part");
        try {
            long written;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 EarlyWriteback writeback = new EarlyWriteback(() -> channel.force(false))) {
                written = copy(content, new AlignedWriter(channel, Optional.empty(), 0, 0, writeback));
                writeback.finish();
                channel.force(true);
            }
            Path existing = target.getParent();
            while (!Files.isDirectory(existing)) {
                existing = existing.getParent();
            }
            Files.createDirectories(target.getParent());
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            // The caller answers 2xx on return: the new name, and any directory made for it, must survive a crash too.
            for (Path directory = target.getParent(); !directory.equals(existing.getParent()); directory = directory.getParent()) {
                forceDirectory(directory);
            }
            return written;
        } catch (IOException e) {
            throw classified(e, key);
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
    public Path localFile(String key) throws IOException {
        Path path = pathOf(key);
        if (!Files.isRegularFile(path)) {
            throw new BlobNotFoundException(key);
        }
        return path;
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(pathOf(key));
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(pathOf(key));
    }

    @Override
    public Part writePart(String uploadKey, Staging staging, int number, long offset, InputStream content) throws IOException {
        Path stagingFile = stagingOf(uploadKey);
        boolean created = !Files.exists(stagingFile);
        try (FileChannel channel = FileChannel.open(stagingFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             DirectIo.DirectChannel direct = directIo.open(stagingFile, StandardOpenOption.WRITE, staging == Staging.JOINED);
             EarlyWriteback writeback = new EarlyWriteback(() -> channel.force(false), EarlyWriteback.EVERY_IN_A_PART)) {
            long size = channel.size();
            if (size < offset) {
                throw new IOException("Upload " + uploadKey + " holds " + size + " bytes; no part can start at " + offset);
            }
            if (size > offset) {
                channel.truncate(offset); // bytes of a part that was written but never recorded
            }
            try {
                long written = copy(content, new AlignedWriter(channel, direct.channel(), directIo.alignment(), offset, writeback));
                writeback.finish();
                // fdatasync: the bytes and what reading them back needs (the blocks, the file's new size) are made
                // durable; only the times are not, and nothing reads them.
                channel.force(false);
                if (created) {
                    forceDirectory(parts);
                }
                return new Part(number, offset, written, "");
            } catch (SupersededWriteException e) {
                throw e; // the file may hold the next writer's acknowledged bytes by now
            } catch (IOException e) {
                cutBack(channel, offset, e);
                throw classified(e, uploadKey);
            } catch (RuntimeException e) {
                cutBack(channel, offset, e);
                throw e;
            }
        }
    }

    /**
     * A failed part is cut off at once, not at the next write to the upload: its bytes may be what filled the disk,
     * and the next write may never come. Not after a {@link SupersededWriteException}: another writer owns the file.
     */
    private static void cutBack(FileChannel channel, long offset, Exception failure) {
        try {
            channel.truncate(offset);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** A full disk is {@link StorageFullException} (507, retry later); anything else stays as it was. */
    private static IOException classified(IOException e, String key) {
        return StorageFullException.of(e, key).<IOException>map(full -> full).orElse(e);
    }

    @Override
    public long compose(String blobKey, List<PartedUpload> uploads) throws IOException {
        return compose(blobKey, uploads, UnaryOperator.identity());
    }

    @Override
    public Composed composeDigested(String blobKey, List<PartedUpload> uploads) throws IOException {
        // Under the caller's lease: no other compose of this blob runs meanwhile.
        boolean copies = uploads.size() > 1 && !Files.isRegularFile(pathOf(blobKey));
        FileDigests digests = new FileDigests();
        long size = compose(blobKey, uploads, digests::feeding);
        if (copies) {
            return new Composed(size, digests.finish());
        }
        try (InputStream in = read(blobKey, 0, size)) { // moved into place, not copied; or composed by an earlier call
            return new Composed(size, FileDigests.of(in));
        }
    }

    /**
     * One upload's staging file is moved into place as it is; several are copied into a new file, each read through
     * {@code reading} (which may hash it), written while the next buffer is read and sent to the disk as it goes.
     */
    private long compose(String blobKey, List<PartedUpload> uploads, UnaryOperator<InputStream> reading) throws IOException {
        Path target = pathOf(blobKey);
        if (Files.isRegularFile(target)) { // composed before; a crash may have left parts behind
            for (PartedUpload upload : uploads) {
                abort(upload.uploadKey());
            }
            return Files.size(target);
        }
        Files.createDirectories(target.getParent());
        if (uploads.size() == 1) {
            Path staging = stagingOf(uploads.get(0).uploadKey());
            try (FileChannel channel = FileChannel.open(staging, StandardOpenOption.WRITE)) {
                requireSize(channel, uploads.get(0));
                channel.truncate(uploads.get(0).size());
                channel.force(true);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } else {
            Path temp = incoming.resolve(UUID.randomUUID() + ".part");
            try {
                try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                     DirectIo.DirectChannel outDirect = directIo.open(temp, StandardOpenOption.WRITE, true);
                     EarlyWriteback writeback = new EarlyWriteback(() -> out.force(false))) {
                    AlignedWriter writer = new AlignedWriter(out, outDirect.channel(), directIo.alignment(), 0, writeback);
                    for (PartedUpload upload : uploads) {
                        Path staging = stagingOf(upload.uploadKey());
                        try (FileChannel in = FileChannel.open(staging, StandardOpenOption.READ);
                             DirectIo.DirectChannel inDirect = directIo.open(staging, StandardOpenOption.READ, true);
                             InputStream part = new DirectReadStream(in, inDirect.channel(), directIo.alignment(), IO)) {
                            requireSize(in, upload);
                            copy(reading.apply(new BoundedInputStream(part, upload.size())), writer);
                        }
                    }
                    writeback.finish();
                    out.force(true);
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw classified(e, blobKey);
            } finally {
                Files.deleteIfExists(temp);
            }
            for (PartedUpload upload : uploads) {
                abort(upload.uploadKey());
            }
        }
        forceDirectory(target.getParent());
        return Files.size(target);
    }

    @Override
    public void abort(String uploadKey) throws IOException {
        Files.deleteIfExists(stagingOf(uploadKey));
    }

    private static void requireSize(FileChannel channel, PartedUpload upload) throws IOException {
        if (channel.size() < upload.size()) {
            throw new IOException("Upload " + upload.uploadKey() + " holds " + channel.size() + " bytes, its parts "
                    + upload.size());
        }
    }

    /**
     * Writes {@code content} through {@code writer} on another thread, while the calling thread reads (and hashes)
     * the next buffer: the kernel's copy into new page-cache pages is an upload's largest cost after the digests, and on
     * the request thread it came on top of them. Returns once every byte is written, or the write has failed.
     */
    private static long copy(InputStream content, AlignedWriter writer) throws IOException {
        return new BufferRelay(IO, BUFFER_SIZE, writer).relayFrom(content);
    }

    /** Makes a new or moved directory entry durable, not only the file's bytes. */
    private static void forceDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private Path stagingOf(String uploadKey) {
        Path path = parts.resolve(uploadKey).normalize();
        if (!path.getParent().equals(parts) || uploadKey.isBlank()) {
            throw new IllegalArgumentException("Not an upload key: " + uploadKey);
        }
        return path;
    }

    private Path pathOf(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.startsWith(incoming) || path.startsWith(parts) || key.isBlank()) {
            throw new IllegalArgumentException("Not a blob key: " + key);
        }
        return path;
    }

    @Override
    public void forEachBlob(Consumer<StoredBlob> each) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (!file.startsWith(incoming) && !file.startsWith(parts) && Files.isRegularFile(file)) {
                    String key = root.relativize(file).toString().replace(File.separatorChar, '/');
                    each.accept(new StoredBlob(key, Files.getLastModifiedTime(file).toInstant()));
                }
            }
        }
    }

    /** A write in progress touches its temporary file with every buffer, so an old one was abandoned. */
    @Override
    public int removeAbandonedWrites(Instant cutoff) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(incoming, "*.part")) {
            for (Path temp : temps) {
                if (Files.getLastModifiedTime(temp).toInstant().isBefore(cutoff) && Files.deleteIfExists(temp)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    /** A full or read-only disk, or a vanished mount, makes the node not ready. */
    @Override
    public void checkReachable() throws IOException {
        if (!Files.isDirectory(incoming) || !Files.isWritable(incoming)) {
            throw new IOException("The blob directory " + root + " is not a writable directory");
        }
    }

    @Override
    public String toString() {
        return "filesystem " + root;
    }
}

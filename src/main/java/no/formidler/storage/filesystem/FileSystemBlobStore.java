package no.formidler.storage.filesystem;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
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
 * uploads) stay their own files, linked into a {@link JoinedBlob}; they are written past the page cache
 * ({@link DirectIo}): a client that splits its upload asks for throughput, and the kernel's copy into new page-cache
 * pages was a third of the CPU each byte cost.
 */
public class FileSystemBlobStore implements BlobStore, PartedBlobStore, DigestingComposer, ReachableStore, LocalFileReadable,
        ListableStore {
    private static final int BUFFER_SIZE = 256 * 1024;
    /** The name ending of a joined blob's directory while its links are made, before its rename into place. */
    private static final String JOINING = ".joining";
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
        Path path = pathOf(key);
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            try {
                return joined(path, key).read(offset, length);
            } catch (NoSuchFileException purged) { // between the listing and the open
                throw new BlobNotFoundException(key);
            }
        }
        channel.position(offset);
        return new BoundedInputStream(Channels.newInputStream(channel), length);
    }

    @Override
    public Optional<LocalRange> localRange(String key, long offset, long length) throws IOException {
        Path path = pathOf(key);
        if (Files.isRegularFile(path)) {
            return Optional.of(new LocalRange(path, offset));
        }
        JoinedBlob joined = joined(path, key);
        return joined.holding(offset, length).map(s -> new LocalRange(s.file(), offset - s.start()));
    }

    @Override
    public void delete(String key) throws IOException {
        Path path = pathOf(key);
        Files.deleteIfExists(path);
        Path joined = joinedOf(path);
        if (Files.isDirectory(joined)) {
            // Out of its place in one step first: a crash midway leaves an abandoned join to sweep, not a shorter blob.
            Path doomed = incoming.resolve(UUID.randomUUID() + JOINING);
            try {
                Files.move(joined, doomed, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException deletedMeanwhile) {
                return;
            }
            JoinedBlob.delete(doomed);
        }
    }

    @Override
    public boolean exists(String key) {
        Path path = pathOf(key);
        return Files.isRegularFile(path) || Files.isDirectory(joinedOf(path));
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

    /**
     * One upload's staging file is moved into place as it is; several are linked, in order, into a {@link JoinedBlob}
     * (no byte copied); empty ones add nothing. The staging files go only once the blob is in place, so a crash before
     * that leaves a retry everything it needs.
     */
    @Override
    public long compose(String blobKey, List<PartedUpload> uploads) throws IOException {
        Path target = pathOf(blobKey);
        Path joined = joinedOf(target);
        if (Files.isRegularFile(target) || Files.isDirectory(joined)) { // composed before; a crash may have left parts
            for (PartedUpload upload : uploads) {
                abort(upload.uploadKey());
            }
            return size(target);
        }
        Files.createDirectories(target.getParent());
        List<Path> stagings = new ArrayList<>();
        for (PartedUpload upload : uploads) {
            if (upload.size() == 0) {
                continue; // adds nothing, and may have no file: nothing was ever written to it
            }
            Path staging = stagingOf(upload.uploadKey());
            try (FileChannel channel = FileChannel.open(staging, StandardOpenOption.WRITE)) {
                requireSize(channel, upload);
                if (channel.size() > upload.size()) {
                    channel.truncate(upload.size()); // bytes of a part that was written but never recorded
                    channel.force(true);
                }
            }
            stagings.add(staging);
        }
        if (stagings.isEmpty()) {
            write(blobKey, InputStream.nullInputStream());
        } else if (stagings.size() == 1) {
            Files.move(stagings.get(0), target, StandardCopyOption.ATOMIC_MOVE);
        } else {
            Path temp = incoming.resolve(UUID.randomUUID() + JOINING);
            try {
                JoinedBlob.link(temp, stagings);
                Files.move(temp, joined, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw classified(e, blobKey);
            } finally {
                if (Files.isDirectory(temp)) {
                    JoinedBlob.delete(temp);
                }
            }
        }
        for (PartedUpload upload : uploads) {
            abort(upload.uploadKey());
        }
        forceDirectory(target.getParent());
        return size(target);
    }

    /**
     * The uploads of a joined blob are read past the page cache as they were written, each a step ahead of the
     * digests (4 MiB direct reads), one upload at a time: a plain read of those cold files waited for the disk
     * between buffers and took a third longer.
     */
    @Override
    public Composed composeDigested(String blobKey, List<PartedUpload> uploads) throws IOException {
        long size = compose(blobKey, uploads);
        Path target = pathOf(blobKey);
        if (Files.isRegularFile(target)) {
            try (InputStream in = read(blobKey, 0, size)) {
                return new Composed(size, FileDigests.of(in));
            }
        }
        FileDigests digests = new FileDigests();
        DirectReadStream.Buffers buffers = DirectReadStream.Buffers.of(directIo.alignment());
        for (JoinedBlob.Segment segment : JoinedBlob.open(joinedOf(target)).segments()) {
            try (FileChannel channel = FileChannel.open(segment.file(), StandardOpenOption.READ);
                 DirectIo.DirectChannel direct = directIo.open(segment.file(), StandardOpenOption.READ, true);
                 InputStream in = new DirectReadStream(channel, direct.channel(), directIo.alignment(), IO, buffers)) {
                digests.update(new BoundedInputStream(in, segment.size()));
            }
        }
        return new Composed(size, digests.finish());
    }

    private static long size(Path target) throws IOException {
        return Files.isRegularFile(target) ? Files.size(target) : JoinedBlob.open(joinedOf(target)).size();
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
        if (!path.startsWith(root) || path.startsWith(incoming) || path.startsWith(parts) || key.isBlank()
                || key.contains(JoinedBlob.SUFFIX)) {
            throw new IllegalArgumentException("Not a blob key: " + key);
        }
        return path;
    }

    /** Where the blob at {@code path} is kept if it was joined from several uploads. */
    private static Path joinedOf(Path path) {
        return path.resolveSibling(path.getFileName() + JoinedBlob.SUFFIX);
    }

    /** The blob at {@code path} as the uploads it was joined from; {@link BlobNotFoundException} if it is not one. */
    private static JoinedBlob joined(Path path, String key) throws IOException {
        try {
            return JoinedBlob.open(joinedOf(path));
        } catch (NoSuchFileException e) { // never joined, or purged while it was listed
            throw new BlobNotFoundException(key);
        }
    }

    @Override
    public void forEachBlob(Consumer<StoredBlob> each) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                if (directory.equals(incoming) || directory.equals(parts)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (JoinedBlob.isJoined(directory)) {
                    String name = directory.getFileName().toString();
                    each.accept(new StoredBlob(keyOf(directory.resolveSibling(name.substring(0, name.length()
                            - JoinedBlob.SUFFIX.length()))), attributes.lastModifiedTime().toInstant()));
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()) {
                    each.accept(new StoredBlob(keyOf(file), attributes.lastModifiedTime().toInstant()));
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private String keyOf(Path path) {
        return root.relativize(path).toString().replace(File.separatorChar, '/');
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
        // A join links its files within moments, so an old one never reached its rename (the uploads still hold them).
        try (DirectoryStream<Path> joins = Files.newDirectoryStream(incoming, "*" + JOINING)) {
            for (Path join : joins) {
                if (Files.getLastModifiedTime(join).toInstant().isBefore(cutoff)) {
                    JoinedBlob.delete(join);
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

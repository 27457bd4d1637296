package no.formidler.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import no.formidler.storage.LocalFileReadable.LocalRange;
import no.formidler.storage.PartedBlobStore.PartedUpload;
import no.formidler.storage.PartedBlobStore.Staging;
import no.formidler.storage.filesystem.FileSystemBlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract, and what joining uploads without copying them means for every reader of the filesystem store. */
class FileSystemBlobStoreTest extends PartedBlobStoreContract {
    private static final int[] JOINED_SIZES = {3000, 777, 4096};
    @TempDir
    Path root;

    @Override
    BlobStore newStore(int partSize) throws IOException {
        return new FileSystemBlobStore(root);
    }

    /** Three uploads (of parts 3000, 777 and 4096 bytes) joined under a new key; {@code joined} gets their bytes. */
    private String joinThree(FileSystemBlobStore store, ByteArrayOutputStream joined) throws IOException {
        String key = blobKey();
        assertThat(store.compose(key, writeThree(store, joined))).isEqualTo(joined.size());
        return key;
    }

    /** The three uploads of {@link #joinThree}, written but not joined. */
    private static List<PartedUpload> writeThree(FileSystemBlobStore store, ByteArrayOutputStream joined) throws IOException {
        List<PartedUpload> uploads = new ArrayList<>();
        for (int size : JOINED_SIZES) {
            uploads.add(writeParts(store, Staging.JOINED, uploadKey(), joined, size));
        }
        return uploads;
    }

    @Test
    void composingHashesTheJoinedFileAlsoWhenItWasComposedBefore() throws IOException {
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        PartedUpload a = writeParts(store, Staging.JOINED, uploadKey(), joined, SMALL_PART + MIB, 3000);
        PartedUpload b = writeParts(store, Staging.JOINED, uploadKey(), joined, 777);
        FileDigests.Hex expected = FileDigests.of(new ByteArrayInputStream(joined.toByteArray()));
        String key = blobKey();

        DigestingComposer.Composed composed = store.composeDigested(key, List.of(a, b));

        assertThat(composed).isEqualTo(new DigestingComposer.Composed(joined.size(), expected));
        assertThat(readAll(store, key, composed.size())).isEqualTo(joined.toByteArray());
        assertThat(store.composeDigested(key, List.of(a, b))).as("composed before").isEqualTo(composed);
        ByteArrayOutputStream single = new ByteArrayOutputStream();
        PartedUpload c = writeParts(store, uploadKey(), single, 5000, 1);
        assertThat(store.composeDigested(blobKey(), List.of(c)).digests())
                .isEqualTo(FileDigests.of(new ByteArrayInputStream(single.toByteArray())));
    }

    @Test
    void aJoinedBlobReadsAnyRangeAcrossTheUploadsItWasJoinedFrom() throws IOException {
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        String key = joinThree(store, joined);
        byte[] expected = joined.toByteArray();

        assertThat(store.exists(key)).isTrue();
        long[][] ranges = {{0, 3000}, {0, 3001}, {2999, 2}, {3000, 777}, {3500, 1000}, {1, expected.length - 2},
                {3777, 4096}, {expected.length - 1, 1}, {100, 0}};
        for (long[] range : ranges) {
            try (InputStream in = store.read(key, range[0], range[1])) {
                assertThat(in.readAllBytes()).as("range %d+%d", range[0], range[1])
                        .isEqualTo(Arrays.copyOfRange(expected, (int) range[0], (int) (range[0] + range[1])));
            }
        }
        try (InputStream in = store.read(key, 0, expected.length)) {
            assertThat(FileDigests.of(in)).isEqualTo(FileDigests.of(new ByteArrayInputStream(expected)));
        }
    }

    @Test
    void aRangeInsideOneJoinedUploadIsOneLocalFileForSendfileAndARangeAcrossTwoIsNot() throws IOException {
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        String key = joinThree(store, joined);
        byte[] expected = joined.toByteArray();

        LocalRange second = store.localRange(key, 3100, 500).orElseThrow();
        assertThat(second.offset()).isEqualTo(100);
        assertThat(readFile(second.file(), second.offset(), 500)).isEqualTo(Arrays.copyOfRange(expected, 3100, 3600));
        assertThat(store.localRange(key, 3777, 4096).orElseThrow().offset()).isZero();
        assertThat(store.localRange(key, 2999, 2)).as("across the first two").isEmpty();
        assertThat(store.localRange(key, 0, expected.length)).as("the whole joined blob").isEmpty();

        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        String single = blobKey();
        store.compose(single, List.of(writeParts(store, uploadKey(), plain, 5000)));
        LocalRange whole = store.localRange(single, 10, 4990).orElseThrow();
        assertThat(readFile(whole.file(), whole.offset(), 4990))
                .isEqualTo(Arrays.copyOfRange(plain.toByteArray(), 10, 5000));
        assertThatThrownBy(() -> store.localRange(blobKey(), 0, 1)).isInstanceOf(BlobNotFoundException.class);
    }

    @Test
    void aDeletedJoinedBlobIsGoneWithItsFilesWhileAReadThatBeganEndsWhole() throws IOException {
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        String key = joinThree(store, joined);

        try (InputStream begun = store.read(key, 0, joined.size())) {
            store.delete(key);
            assertThat(begun.readAllBytes()).isEqualTo(joined.toByteArray());
        }
        assertThat(store.exists(key)).isFalse();
        assertThatThrownBy(() -> store.read(key, 0, 1)).isInstanceOf(BlobNotFoundException.class);
        assertThat(regularFilesUnder(root)).as("no bytes left behind").isEmpty();
        try (Stream<Path> incoming = Files.list(root.resolve(".incoming"))) {
            assertThat(incoming).as("nothing left to sweep").isEmpty();
        }
        store.delete(key); // deleting again is no error
    }

    @Test
    void theListingShowsAJoinedBlobOnceUnderItsKey() throws IOException {
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        String joinedKey = joinThree(store, new ByteArrayOutputStream());
        String plainKey = blobKey();
        store.write(plainKey, new ByteArrayInputStream(new byte[10]));
        writeParts(store, Staging.JOINED, uploadKey(), new ByteArrayOutputStream(), 100); // not composed: not a blob

        List<String> keys = new ArrayList<>();
        store.forEachBlob(blob -> keys.add(blob.key()));

        assertThat(keys).containsExactlyInAnyOrder(joinedKey, plainKey);
    }

    @Test
    void aJoinThatStoppedBeforeItsRenameIsSweptAndItsUploadsStillJoin() throws IOException {
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        List<PartedUpload> uploads = writeThree(store, joined);
        // What a crash between linking the uploads and renaming the directory leaves in .incoming.
        Path stopped = Files.createDirectory(root.resolve(".incoming").resolve("a-stopped-join.joining"));
        Files.createLink(stopped.resolve("000000"), root.resolve(".parts").resolve(uploads.get(0).uploadKey()));
        Files.setLastModifiedTime(stopped, FileTime.from(Instant.now().minusSeconds(3600)));

        assertThat(store.removeAbandonedWrites(Instant.now().minusSeconds(60))).isEqualTo(1);
        assertThat(stopped).doesNotExist();
        String key = blobKey();
        assertThat(store.compose(key, uploads)).isEqualTo(joined.size());
        assertThat(readAll(store, key, joined.size())).isEqualTo(joined.toByteArray());
        assertThat(store.compose(key, uploads)).as("composed before").isEqualTo(joined.size());
    }

    @Test
    void uploadsThatHoldNothingComposeIntoAnEmptyBlobWithoutFilesOfTheirOwn() throws IOException {
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        String key = blobKey();
        // Partials of length 0 are never written to, so they have no staging file (the contract joins one with others).
        assertThat(store.compose(key, List.of(new PartedUpload(uploadKey(), List.of()),
                new PartedUpload(uploadKey(), List.of())))).isZero();
        assertThat(store.exists(key)).isTrue();
        assertThat(readAll(store, key, 0)).isEmpty();
    }

    @Test
    void noKeyCanNameAJoinedBlobsDirectoryOrWhatIsInIt() throws IOException {
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        String key = joinThree(store, new ByteArrayOutputStream());

        assertThatThrownBy(() -> store.read(key + ".joined/000000", 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete(key + ".joined")).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.exists(key)).isTrue();
    }

    private static byte[] readFile(Path file, long offset, int length) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            channel.position(offset);
            return Channels.newInputStream(channel).readNBytes(length);
        }
    }

    private static List<Path> regularFilesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}

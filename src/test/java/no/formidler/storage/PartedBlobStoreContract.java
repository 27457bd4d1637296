package no.formidler.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.formidler.storage.PartedBlobStore.Part;
import no.formidler.storage.PartedBlobStore.PartedUpload;
import no.formidler.storage.PartedBlobStore.Staging;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a store that takes resumable (parted) uploads promises, on top of the {@link BlobStoreContract}: parts written
 * one by one compose into one blob in order, a part written again replaces the unrecorded one, composing twice is
 * harmless, and aborting discards the parts.
 */
abstract class PartedBlobStoreContract extends BlobStoreContract {

    private PartedBlobStore parted() throws IOException {
        return (PartedBlobStore) newStore(SMALL_PART);
    }

    static String uploadKey() {
        return "tus-" + UUID.randomUUID();
    }

    static String blobKey() {
        return "991825827/" + UUID.randomUUID() + "/" + UUID.randomUUID();
    }

    /** Writes {@code sizes} as parts 1..n of a new upload; returns the upload as recorded and its bytes. */
    static PartedUpload writeParts(PartedBlobStore store, String key, ByteArrayOutputStream all, int... sizes)
            throws IOException {
        return writeParts(store, Staging.WHOLE, key, all, sizes);
    }

    static PartedUpload writeParts(PartedBlobStore store, Staging staging, String key, ByteArrayOutputStream all,
                                   int... sizes) throws IOException {
        List<Part> parts = new ArrayList<>();
        long offset = 0;
        for (int i = 0; i < sizes.length; i++) {
            byte[] content = GeneratedContent.bytes(1000L * sizes[i] + i, sizes[i]);
            Part part = store.writePart(key, staging, i + 1, offset, new ByteArrayInputStream(content));
            assertThat(part.size()).isEqualTo(sizes[i]);
            assertThat(part.offset()).isEqualTo(offset);
            parts.add(part);
            all.write(content);
            offset += sizes[i];
        }
        return new PartedUpload(key, parts);
    }

    static byte[] readAll(BlobStore store, String key, long size) throws IOException {
        try (InputStream in = store.read(key, 0, size)) {
            return in.readAllBytes();
        }
    }

    @Test
    void largePartsComposeIntoOneBlobInOrder() throws IOException {
        PartedBlobStore store = parted();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        PartedUpload upload = writeParts(store, uploadKey(), expected, SMALL_PART + MIB, SMALL_PART, 1234);
        String key = blobKey();
        assertThat(store.compose(key, List.of(upload))).isEqualTo(expected.size());
        assertThat(readAll((BlobStore) store, key, expected.size())).isEqualTo(expected.toByteArray());
    }

    @Test
    void smallPartsComposeIntoOneBlobInOrder() throws IOException {
        PartedBlobStore store = parted();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        PartedUpload upload = writeParts(store, uploadKey(), expected, 100 * 1024, 1, 3 * MIB);
        String key = blobKey();
        assertThat(store.compose(key, List.of(upload))).isEqualTo(expected.size());
        assertThat(readAll((BlobStore) store, key, expected.size())).isEqualTo(expected.toByteArray());
    }

    @Test
    void uploadsAreConcatenatedInTheOrderGivenAndTheirPartsAreGoneAfterwards() throws IOException {
        PartedBlobStore store = parted();
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        PartedUpload a = writeParts(store, uploadKey(), first, 2000, 3000);
        PartedUpload b = writeParts(store, uploadKey(), second, 777);
        String key = blobKey();
        long size = store.compose(key, List.of(b, a));
        second.write(first.toByteArray());
        assertThat(readAll((BlobStore) store, key, size)).isEqualTo(second.toByteArray());
        assertThatThrownBy(() -> store.compose(blobKey(), List.of(a))).as("the parts were discarded")
                .isInstanceOf(IOException.class);
    }

    @ParameterizedTest
    @EnumSource(Staging.class)
    void aPartWrittenAgainAtTheSameNumberReplacesTheOneThatWasNeverRecorded(Staging staging) throws IOException {
        PartedBlobStore store = parted();
        String upload = uploadKey();
        store.writePart(upload, staging, 1, 0, new ByteArrayInputStream(new byte[] {9, 9, 9, 9, 9}));
        byte[] content = GeneratedContent.bytes(5, 3000);
        Part part = store.writePart(upload, staging, 1, 0, new ByteArrayInputStream(content));
        store.writePart(upload, staging, 2, 3000, new ByteArrayInputStream(new byte[] {7})); // written, never recorded
        String key = blobKey();
        assertThat(store.compose(key, List.of(new PartedUpload(upload, List.of(part))))).isEqualTo(3000);
        assertThat(readAll((BlobStore) store, key, 3000)).isEqualTo(content);
    }

    @Test
    void composingAgainAfterSuccessLeavesTheBlobAsItWas() throws IOException {
        PartedBlobStore store = parted();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        PartedUpload upload = writeParts(store, uploadKey(), expected, 4000, 5000);
        String key = blobKey();
        store.compose(key, List.of(upload));
        assertThat(store.compose(key, List.of(upload))).isEqualTo(9000);
        assertThat(readAll((BlobStore) store, key, 9000)).isEqualTo(expected.toByteArray());
    }

    @Test
    void anAbortedUploadCannotBeComposedAndAbortingAnUnknownUploadIsNoError() throws IOException {
        PartedBlobStore store = parted();
        PartedUpload upload = writeParts(store, uploadKey(), new ByteArrayOutputStream(), 4000);
        store.abort(upload.uploadKey());
        assertThatThrownBy(() -> store.compose(blobKey(), List.of(upload))).isInstanceOf(IOException.class);
        store.abort(uploadKey());
    }

    @ParameterizedTest
    @EnumSource(Staging.class)
    void aPartWhoseContentBreaksOffPassesTheCauseOn(Staging staging) throws IOException {
        PartedBlobStore store = parted();
        assertThatThrownBy(() -> store.writePart(uploadKey(), staging, 1, 0,
                GeneratedContent.failingAt(3, 2L * SMALL_PART, SMALL_PART + 10)))
                .isInstanceOf(IOException.class).hasMessageContaining("client went away");
    }

    @Test
    void joinedUploadsWithPartsOfAnySizeComposeInOrder() throws IOException {
        PartedBlobStore store = parted();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        // Parts that start and end inside a block, span several copy buffers, and are a byte long.
        PartedUpload a = writeParts(store, Staging.JOINED, uploadKey(), expected, SMALL_PART + MIB + 513, 1, 4095, 3 * MIB);
        PartedUpload b = writeParts(store, Staging.JOINED, uploadKey(), expected, 4096, SMALL_PART + 7);
        PartedUpload c = writeParts(store, Staging.JOINED, uploadKey(), expected, 100);
        String key = blobKey();
        assertThat(store.compose(key, List.of(a, b, c))).isEqualTo(expected.size());
        assertThat(readAll((BlobStore) store, key, expected.size())).isEqualTo(expected.toByteArray());
    }

    @Test
    void anEmptyUploadAmongJoinedOnesAddsNothing() throws IOException {
        PartedBlobStore store = parted();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        PartedUpload a = writeParts(store, Staging.JOINED, uploadKey(), expected, 3000);
        PartedUpload empty = new PartedUpload(uploadKey(), List.of()); // a partial of length 0: never written to
        PartedUpload b = writeParts(store, Staging.JOINED, uploadKey(), expected, 777);
        String key = blobKey();
        assertThat(store.compose(key, List.of(a, empty, b))).isEqualTo(expected.size());
        assertThat(readAll((BlobStore) store, key, expected.size())).isEqualTo(expected.toByteArray());
    }
}

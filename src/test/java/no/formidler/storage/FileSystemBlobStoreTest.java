package no.formidler.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import no.formidler.storage.PartedBlobStore.PartedUpload;
import no.formidler.storage.filesystem.FileSystemBlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreTest extends PartedBlobStoreContract {
    @TempDir
    Path root;

    @Override
    BlobStore newStore(int partSize) throws IOException {
        return new FileSystemBlobStore(root);
    }

    @Test
    void composingHashesTheJoinedFileAlsoWhenItWasComposedBefore() throws IOException {
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        PartedUpload a = writeParts(store, PartedBlobStore.Staging.JOINED, uploadKey(), joined, SMALL_PART + MIB, 3000);
        PartedUpload b = writeParts(store, PartedBlobStore.Staging.JOINED, uploadKey(), joined, 777);
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
}

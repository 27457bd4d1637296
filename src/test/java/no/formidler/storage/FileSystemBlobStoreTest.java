package no.formidler.storage;

import java.io.IOException;
import java.nio.file.Path;
import no.formidler.storage.filesystem.FileSystemBlobStore;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreTest extends PartedBlobStoreContract {
    @TempDir
    Path root;

    @Override
    BlobStore newStore(int partSize) throws IOException {
        return new FileSystemBlobStore(root);
    }
}

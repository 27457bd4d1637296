package no.formidler.storage;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreTest extends BlobStoreContract {
    @TempDir
    Path root;

    @Override
    BlobStore newStore(int partSize) throws IOException {
        return new FileSystemBlobStore(root);
    }
}

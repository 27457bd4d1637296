package no.formidler.storage;

import java.net.URI;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.util.unit.DataSize;

/** The contract on s3proxy in this JVM, storing on disk (its in-memory store would hold the 1 GiB object on our heap). */
class S3BlobStoreTest extends PartedBlobStoreContract {
    @RegisterExtension
    static final S3ProxyExtension S3 = S3ProxyExtension.builder()
            .withCredentials(AuthenticationType.AWS_V2_OR_V4, "formidler", "formidler-secret")
            .withBlobStoreProvider("filesystem-nio2").ignoreUnknownHeaders().build();

    @Override
    BlobStore newStore(int partSize) {
        return new S3BlobStore(StorageConfiguration.s3Client(properties(S3.getUri())), "formidler-test", false, partSize);
    }

    static StorageProperties.S3 properties(URI endpoint) {
        return new StorageProperties.S3(endpoint, "us-east-1", "formidler-test", "formidler", "formidler-secret", true,
                DataSize.ofMegabytes(16), false, false, java.time.Duration.ofMinutes(5));
    }
}

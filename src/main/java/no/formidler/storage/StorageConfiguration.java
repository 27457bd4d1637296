package no.formidler.storage;

import java.io.IOException;
import no.formidler.system.FormidlerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Picks the blob store; the filesystem store under the data directory is the default. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {
    @Bean
    BlobStore blobStore(FormidlerProperties properties) throws IOException {
        return new FileSystemBlobStore(properties.dataDir().resolve("blobs"));
    }
}

package no.formidler.storage;

import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import java.io.IOException;
import java.time.Duration;
import no.formidler.storage.azure.AzureBlobStore;
import no.formidler.storage.filesystem.FileSystemBlobStore;
import no.formidler.storage.s3.S3BlobStore;
import no.formidler.system.FormidlerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Picks the blob store ({@code formidler.storage.type}); the filesystem store under the data directory is the default. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
class StorageConfiguration {
    @Bean
    BlobStore blobStore(FormidlerProperties properties, StorageProperties storage) throws IOException {
        return switch (storage.type()) {
            case FILESYSTEM -> new FileSystemBlobStore(properties.dataDir().resolve("blobs"));
            case S3 -> s3Store(storage.s3());
            case AZURE -> new AzureBlobStore(azureClient(storage.azure()), storage.azure().container(),
                    storage.azure().perServiceOwner(), storage.azure().blockSize().toBytes());
        };
    }

    static S3BlobStore s3Store(StorageProperties.S3 s3) {
        S3BlobStore store = new S3BlobStore(s3Client(s3), s3.bucket(), s3.perServiceOwner(), s3.partSize().toBytes());
        return s3.presignedDownloads() ? store.withPresignedDownloads(s3Presigner(s3), s3.presignedDownloadExpiry()) : store;
    }

    static S3Presigner s3Presigner(StorageProperties.S3 s3) {
        S3Presigner.Builder builder = S3Presigner.builder().region(Region.of(s3.region()))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(s3.pathStyle()).build())
                .credentialsProvider(credentials(s3));
        if (s3.endpoint() != null) {
            builder.endpointOverride(s3.endpoint());
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(StorageProperties.S3 s3) {
        if (StringUtils.hasText(s3.accessKey()) && StringUtils.hasText(s3.secretKey())) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    static S3Client s3Client(StorageProperties.S3 s3) {
        S3ClientBuilder builder = S3Client.builder().region(Region.of(s3.region())).forcePathStyle(s3.pathStyle());
        if (s3.endpoint() != null) {
            builder.endpointOverride(s3.endpoint());
        }
        return builder.credentialsProvider(credentials(s3)).build();
    }

    static BlobServiceClient azureClient(StorageProperties.Azure azure) {
        // Few, short retries: an unreachable store must turn into a 503 within seconds, not minutes.
        BlobServiceClientBuilder builder = new BlobServiceClientBuilder().retryOptions(new RequestRetryOptions(
                RetryPolicyType.EXPONENTIAL, 3, (Integer) null, 200L, 2000L, null));
        if (StringUtils.hasText(azure.connectionString())) {
            return builder.connectionString(azure.connectionString()).buildClient();
        }
        if (!StringUtils.hasText(azure.endpoint())) {
            throw new IllegalStateException("formidler.storage.type=azure needs formidler.storage.azure.connection-string or .endpoint");
        }
        return builder.endpoint(azure.endpoint()).credential(new DefaultAzureCredentialBuilder().build()).buildClient();
    }
}

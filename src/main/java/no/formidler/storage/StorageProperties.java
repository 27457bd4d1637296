package no.formidler.storage;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Where file bytes are kept ({@code formidler.storage.*}); each property is documented in README. */
@ConfigurationProperties("formidler.storage")
public record StorageProperties(
        @DefaultValue("filesystem") Type type,
        @DefaultValue S3 s3,
        @DefaultValue Azure azure) {

    public enum Type { FILESYSTEM, S3, AZURE }

    /** Without access key and secret key the SDK's default credential chain is used. */
    public record S3(URI endpoint, @DefaultValue("us-east-1") String region, @DefaultValue("formidler") String bucket,
                     String accessKey, String secretKey, @DefaultValue("false") boolean pathStyle,
                     @DefaultValue("16MB") DataSize partSize, @DefaultValue("false") boolean perServiceOwner,
                     @DefaultValue("false") boolean presignedDownloads,
                     @DefaultValue("PT5M") Duration presignedDownloadExpiry) {
    }

    /** A connection string, or an endpoint reached with the default Azure credential. */
    public record Azure(String connectionString, String endpoint, @DefaultValue("formidler") String container,
                        @DefaultValue("16MB") DataSize blockSize, @DefaultValue("false") boolean perServiceOwner) {
    }
}

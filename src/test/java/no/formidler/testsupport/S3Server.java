package no.formidler.testsupport;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

/**
 * An S3-compatible server (s3proxy, storing on disk) on 127.0.0.1 and a port chosen by the test, for broker processes
 * to share: a test can start it late (the store "comes back") or stop it (the store "goes away").
 */
public final class S3Server implements AutoCloseable {
    public static final String ACCESS_KEY = "formidler";
    public static final String SECRET_KEY = "formidler-secret";
    private final S3Proxy proxy;
    private final int port;

    private S3Server(S3Proxy proxy, int port) {
        this.proxy = proxy;
        this.port = port;
    }

    public static S3Server start(int port, Path directory) throws Exception {
        Files.createDirectories(directory);
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", directory.toString());
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(BlobStores.create("filesystem-nio2", properties))
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .ignoreUnknownHeaders(true)
                .build();
        proxy.start();
        return new S3Server(proxy, port);
    }

    /** The broker properties that point a node at this server, one bucket for all service owners. */
    public static Map<String, String> brokerProperties(int port, String bucket) {
        return Map.of("formidler.storage.type", "s3",
                "formidler.storage.s3.endpoint", "http://127.0.0.1:" + port,
                "formidler.storage.s3.bucket", bucket,
                "formidler.storage.s3.access-key", ACCESS_KEY,
                "formidler.storage.s3.secret-key", SECRET_KEY,
                "formidler.storage.s3.path-style", "true",
                "formidler.storage.s3.part-size", "5MB");
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}

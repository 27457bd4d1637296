package no.formidler.storage.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import no.formidler.storage.BlobNotFoundException;
import no.formidler.storage.ContainerBlobStore;
import no.formidler.storage.ContainerLayout;
import no.formidler.storage.Parts;
import no.formidler.storage.PresignedReadable;
import no.formidler.storage.StorageUnavailableException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Blobs as objects in an S3-compatible store. A write of up to one part is a single PUT; a longer one is a multipart
 * upload fed from one reused part buffer (memory per write = one part), completed only after the last part, and
 * aborted on any failure: S3 shows an object only once it is complete, so an interrupted write leaves nothing.
 * Parted (resumable) uploads: see {@link S3Parts}.
 */
public class S3BlobStore extends ContainerBlobStore implements PresignedReadable {
    /** S3's smallest part size (all parts but the last). */
    static final int MIN_PART_SIZE = 5 * 1024 * 1024;
    private final S3Client s3;
    private final int partSize;
    private final Set<String> knownBuckets = ConcurrentHashMap.newKeySet();
    private final S3Parts parted;
    private Presigning presigning;

    /** Hands out presigned GET URLs valid for {@code expiry}; without it the store hands out none. */
    record Presigning(S3Presigner presigner, Duration expiry) {
    }

    public S3BlobStore(S3Client s3, String bucket, boolean bucketPerServiceOwner, long partSize) {
        super(new ContainerLayout(bucket, bucketPerServiceOwner));
        if (partSize < MIN_PART_SIZE || partSize > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("The S3 part size must be between 5 MiB and 2 GiB, not " + partSize);
        }
        this.s3 = s3;
        this.partSize = (int) partSize;
        this.parted = new S3Parts(this, s3, bucket);
    }

    @Override
    protected S3Parts parts() {
        return parted;
    }

    @Override
    protected long write(ContainerLayout.Location at, InputStream content) throws IOException {
        String key = at.container() + "/" + at.name();
        ensureBucket(at.container());
        byte[] part = new byte[partSize];
        int n = Parts.fill(content, part);
        if (n < partSize) {
            int length = n;
            call(key, () -> s3.putObject(b -> b.bucket(at.container()).key(at.name()), body(part, length)));
            return n;
        }
        String uploadId = call(key, () -> s3.createMultipartUpload(b -> b.bucket(at.container()).key(at.name())).uploadId());
        boolean completed = false;
        try {
            List<CompletedPart> parts = new ArrayList<>();
            long total = 0;
            while (n > 0) {
                int partNumber = parts.size() + 1;
                int length = n;
                String etag = call(key, () -> s3.uploadPart(b -> b.bucket(at.container()).key(at.name())
                        .uploadId(uploadId).partNumber(partNumber).contentLength((long) length), body(part, length)).eTag());
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
                total += n;
                n = Parts.fill(content, part);
            }
            call(key, () -> s3.completeMultipartUpload(b -> b.bucket(at.container()).key(at.name()).uploadId(uploadId)
                    .multipartUpload(u -> u.parts(parts))));
            completed = true;
            return total;
        } finally {
            if (!completed) {
                abortMultipart(at, uploadId);
            }
        }
    }

    /** The part buffer as a request body without copying it; the SDK may replay it on a retry. */
    private static RequestBody body(byte[] buffer, int length) {
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(buffer, 0, length), length,
                "application/octet-stream");
    }

    private void abortMultipart(ContainerLayout.Location at, String uploadId) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(at.container()).key(at.name()).uploadId(uploadId));
        } catch (SdkException e) {
            // The parts stay invisible; a bucket lifecycle rule for incomplete multipart uploads removes them.
        }
    }

    @Override
    protected InputStream readRange(ContainerLayout.Location at, long offset, long length) throws IOException {
        String key = at.container() + "/" + at.name();
        String range = "bytes=" + offset + "-" + (offset + length - 1);
        return new AbortingInputStream(call(key, () -> s3.getObject(b -> b.bucket(at.container()).key(at.name()).range(range))));
    }

    @Override
    protected void deleteAt(ContainerLayout.Location at) throws IOException {
        call(at.container() + "/" + at.name(), () -> s3.deleteObject(b -> b.bucket(at.container()).key(at.name())));
    }

    @Override
    protected OptionalLong size(ContainerLayout.Location at) throws IOException {
        try {
            return OptionalLong.of(call(at.name(), () -> s3.headObject(b -> b.bucket(at.container()).key(at.name()))).contentLength());
        } catch (BlobNotFoundException e) {
            return OptionalLong.empty();
        }
    }

    /** Turns on presigned download URLs. */
    public S3BlobStore withPresignedDownloads(S3Presigner presigner, Duration expiry) {
        this.presigning = new Presigning(presigner, expiry);
        return this;
    }

    @Override
    public Optional<URI> presignedRead(String key, String contentDisposition) throws IOException {
        if (presigning == null) {
            return Optional.empty();
        }
        ContainerLayout.Location at = layout.locate(key);
        try {
            return Optional.of(presigning.presigner().presignGetObject(p -> p.signatureDuration(presigning.expiry())
                    .getObjectRequest(g -> g.bucket(at.container()).key(at.name())
                            .responseContentDisposition(contentDisposition)
                            .responseContentType("application/octet-stream"))).url().toURI());
        } catch (java.net.URISyntaxException | SdkException e) {
            throw new IOException("Could not presign a URL for " + key, e);
        }
    }

    @Override
    public void checkReachable() throws IOException {
        try {
            s3.headBucket(b -> b.bucket(layout.base()));
        } catch (NoSuchBucketException e) {
            // reachable; the bucket is created on the first write
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw translate("bucket " + layout.base(), e);
            }
        } catch (SdkException e) {
            throw translate("bucket " + layout.base(), e);
        }
    }

    void ensureBucket(String bucket) throws IOException {
        if (knownBuckets.contains(bucket)) {
            return;
        }
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            createBucket(bucket);
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw translate("bucket " + bucket, e);
            }
            createBucket(bucket);
        } catch (SdkException e) {
            throw translate("bucket " + bucket, e);
        }
        knownBuckets.add(bucket);
    }

    private void createBucket(String bucket) throws IOException {
        try {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (BucketAlreadyOwnedByYouException e) {
            // another node or writer created it first
        } catch (SdkException e) {
            throw translate("bucket " + bucket, e);
        }
    }

    @Override
    protected void list(String container, Consumer<StoredBlob> each) throws IOException {
        try {
            // Pages are fetched while iterating, so the iteration runs inside call() to have its errors translated.
            call(container, () -> {
                for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(container)).contents()) {
                    each.accept(new StoredBlob(object.key(), object.lastModified()));
                }
                return null;
            });
        } catch (BlobNotFoundException e) {
            // no bucket yet, so no blobs
        }
    }

    /** A streamed write in progress is a multipart upload; one begun before {@code cutoff} was abandoned. */
    @Override
    public int removeAbandonedWrites(Instant cutoff) throws IOException {
        String bucket = layout.base();
        int removed = 0;
        try {
            List<MultipartUpload> uploads = call(bucket, () -> s3.listMultipartUploadsPaginator(b -> b.bucket(bucket)).uploads()
                    .stream().toList());
            for (MultipartUpload upload : uploads) {
                if (upload.initiated().isBefore(cutoff)) {
                    call(upload.key(), () -> s3.abortMultipartUpload(b -> b.bucket(bucket).key(upload.key()).uploadId(upload.uploadId())));
                    removed++;
                }
            }
        } catch (BlobNotFoundException e) {
            // no bucket yet, so no uploads
        }
        return removed;
    }

    interface S3Call<T> {
        T run();
    }

    static <T> T call(String key, S3Call<T> call) throws IOException {
        try {
            return call.run();
        } catch (NoSuchKeyException | NoSuchBucketException e) {
            throw new BlobNotFoundException(key);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new BlobNotFoundException(key);
            }
            throw translate(key, e);
        } catch (SdkException e) {
            throw translate(key, e);
        }
    }

    /** Connection trouble and server errors may pass; anything else (403, 400) is a configuration or a bug. */
    private static IOException translate(String what, SdkException e) {
        if (e instanceof SdkClientException || (e instanceof S3Exception s && (s.statusCode() >= 500 || s.statusCode() == 429))) {
            return new StorageUnavailableException("S3 is not available for " + what + ": " + e.getMessage(), e);
        }
        return new IOException("S3 refused the request for " + what + ": " + e.getMessage(), e);
    }

    @Override
    public String toString() {
        return "S3 bucket " + layout.base() + (layout.perServiceOwner() ? "-<serviceOwner>" : "");
    }
}

package no.formidler.storage.s3;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import no.formidler.storage.BlobNotFoundException;
import no.formidler.storage.ContainerLayout;
import no.formidler.storage.ContainerParts;
import no.formidler.storage.StorageUnavailableException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Parted uploads on S3. Each part is its own object under {@code .parts/<uploadKey>/} in the base bucket, so it is
 * durable the moment it is written and any node can add the next one (an open multipart upload would have to be
 * found again by listing, and rejects parts under 5 MiB). Composing is a multipart upload of the final object made
 * of server-side {@code UploadPartCopy}s when every part but the last is at least 5 MiB (the bytes never pass through
 * the node); otherwise (small resumable chunks) the parts are streamed through the node into the final object.
 */
final class S3Parts extends ContainerParts<S3BlobStore> {
    private static final long MAX_COPY_PART = 5L * 1024 * 1024 * 1024;
    private static final int MAX_PARTS = 10_000;
    private final S3Client s3;

    S3Parts(S3BlobStore store, S3Client s3, String bucket) {
        super(store, bucket);
        this.s3 = s3;
    }

    @Override
    protected void assemble(ContainerLayout.Location target, List<Source> sources) throws IOException {
        if (copyable(sources)) {
            copyServerSide(target, sources);
        } else {
            super.assemble(target, sources);
        }
    }

    @Override
    protected void deleteAll(String prefix) throws IOException {
        try {
            for (S3Object object : S3BlobStore.call(prefix, () -> s3.listObjectsV2Paginator(b -> b.bucket(container).prefix(prefix)).contents())) {
                S3BlobStore.call(object.key(), () -> s3.deleteObject(b -> b.bucket(container).key(object.key())));
            }
        } catch (BlobNotFoundException e) {
            // no bucket yet, so no parts
        } catch (SdkException e) {
            if (!(e instanceof NoSuchBucketException)) {
                throw new StorageUnavailableException("S3 is not available for " + prefix + ": " + e.getMessage(), e);
            }
        }
    }

    private static boolean copyable(List<Source> sources) {
        if (sources.isEmpty() || sources.size() > MAX_PARTS) {
            return false;
        }
        for (int i = 0; i < sources.size(); i++) {
            long size = sources.get(i).size();
            boolean last = i == sources.size() - 1;
            if (size > MAX_COPY_PART || (!last && size < S3BlobStore.MIN_PART_SIZE)) {
                return false;
            }
        }
        return true;
    }

    private void copyServerSide(ContainerLayout.Location target, List<Source> sources) throws IOException {
        store.ensureBucket(target.container());
        String what = target.container() + "/" + target.name();
        String uploadId = S3BlobStore.call(what, () -> s3.createMultipartUpload(b -> b.bucket(target.container()).key(target.name())).uploadId());
        boolean completed = false;
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (Source source : sources) {
                int partNumber = parts.size() + 1;
                String etag = S3BlobStore.call(what, () -> s3.uploadPartCopy(b -> b.sourceBucket(container).sourceKey(source.at().name())
                        .destinationBucket(target.container()).destinationKey(target.name())
                        .uploadId(uploadId).partNumber(partNumber)).copyPartResult().eTag());
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
            }
            S3BlobStore.call(what, () -> s3.completeMultipartUpload(b -> b.bucket(target.container()).key(target.name())
                    .uploadId(uploadId).multipartUpload(u -> u.parts(parts))));
            completed = true;
        } finally {
            if (!completed) {
                try {
                    s3.abortMultipartUpload(b -> b.bucket(target.container()).key(target.name()).uploadId(uploadId));
                } catch (SdkException e) {
                    // invisible; removed by the bucket's rule for incomplete multipart uploads
                }
            }
        }
    }
}

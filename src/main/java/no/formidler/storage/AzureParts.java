package no.formidler.storage;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.ListBlobsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import no.formidler.storage.PartedBlobStore.Part;
import no.formidler.storage.PartedBlobStore.PartedUpload;

/**
 * Parted uploads on Azure. Each part is its own block blob (staged blocks, committed when the part ends) under
 * {@code .parts/<uploadKey>/} in the base container, durable at once and visible to every node. Composing streams the
 * parts through the node into the final blob, one block buffer at a time.
 * TODO: compose server-side with Put Block From URL once the store can sign a source URL (shared key or user
 * delegation SAS), so the bytes would not pass through the node a second time.
 */
final class AzureParts {
    private static final String PREFIX = ".parts/";
    private final AzureBlobStore store;
    private final BlobServiceClient service;
    private final String container;

    AzureParts(AzureBlobStore store, BlobServiceClient service, String container) {
        this.store = store;
        this.service = service;
        this.container = container;
    }

    Part writePart(String uploadKey, int number, long offset, InputStream content) throws IOException {
        return new Part(number, offset, store.write(partAt(uploadKey, number), content), "");
    }

    long compose(ContainerLayout.Location target, List<PartedUpload> uploads) throws IOException {
        OptionalLong existing = store.size(target);
        if (existing.isEmpty()) {
            List<PartSequence.PartSource> reads = new ArrayList<>();
            for (PartedUpload upload : uploads) {
                for (Part part : upload.parts()) {
                    if (part.size() > 0) {
                        ContainerLayout.Location at = partAt(upload.uploadKey(), part.number());
                        reads.add(() -> store.read(at, 0, part.size()));
                    }
                }
            }
            try (PartSequence all = new PartSequence(reads)) {
                store.write(target, all);
            }
        }
        for (PartedUpload upload : uploads) {
            abort(upload.uploadKey());
        }
        return store.size(target).orElseThrow(() -> new IOException("The composed blob " + target + " is missing"));
    }

    void abort(String uploadKey) throws IOException {
        String prefix = PREFIX + checked(uploadKey) + "/";
        var client = service.getBlobContainerClient(container);
        try {
            List<String> names = AzureBlobStore.call(prefix, () -> client.listBlobs(new ListBlobsOptions().setPrefix(prefix), null)
                    .stream().map(BlobItem::getName).toList());
            for (String name : names) {
                AzureBlobStore.call(name, () -> client.getBlobClient(name).deleteIfExists());
            }
        } catch (BlobNotFoundException e) {
            // no container yet, so no parts
        }
    }

    private ContainerLayout.Location partAt(String uploadKey, int number) {
        return new ContainerLayout.Location(container, PREFIX + checked(uploadKey) + "/" + "%08d".formatted(number));
    }

    private static String checked(String uploadKey) {
        if (uploadKey.isBlank() || !uploadKey.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("Not an upload key: " + uploadKey);
        }
        return uploadKey;
    }
}

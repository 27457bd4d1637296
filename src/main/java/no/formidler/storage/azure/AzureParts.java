package no.formidler.storage.azure;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.ListBlobsOptions;
import java.io.IOException;
import java.util.List;
import no.formidler.storage.BlobNotFoundException;
import no.formidler.storage.ContainerParts;

/**
 * Parted uploads on Azure. Each part is its own block blob (staged blocks, committed when the part ends) under
 * {@code .parts/<uploadKey>/} in the base container, durable at once and visible to every node. Composing streams the
 * parts through the node into the final blob, one block buffer at a time.
 * TODO: compose server-side with Put Block From URL once the store can sign a source URL (shared key or user
 * delegation SAS), so the bytes would not pass through the node a second time.
 */
final class AzureParts extends ContainerParts<AzureBlobStore> {
    private final BlobServiceClient service;

    AzureParts(AzureBlobStore store, BlobServiceClient service, String container) {
        super(store, container);
        this.service = service;
    }

    @Override
    protected void deleteAll(String prefix) throws IOException {
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
}

package no.formidler.storage.azure;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.options.BlobInputStreamOptions;
import com.azure.storage.blob.specialized.BlockBlobClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import no.formidler.storage.BlobNotFoundException;
import no.formidler.storage.ContainerBlobStore;
import no.formidler.storage.ContainerLayout;
import no.formidler.storage.Parts;
import no.formidler.storage.StorageUnavailableException;

/**
 * Blobs as block blobs in Azure Blob Storage. A write stages blocks from one reused block buffer (memory per write =
 * one block) and commits the block list at the end: staged blocks are invisible until committed, so an interrupted
 * write leaves nothing readable (Azure drops uncommitted blocks after a week). Parted (resumable) uploads: see
 * {@link AzureParts}.
 */
public class AzureBlobStore extends ContainerBlobStore {
    /** The largest block Azure accepts with the service versions of this SDK. */
    static final long MAX_BLOCK_SIZE = 2000L * 1024 * 1024;
    private static final int DOWNLOAD_CHUNK = 4 * 1024 * 1024;
    private final BlobServiceClient service;
    private final int blockSize;
    private final Set<String> knownContainers = ConcurrentHashMap.newKeySet();
    private final AzureParts parted;

    public AzureBlobStore(BlobServiceClient service, String container, boolean containerPerServiceOwner, long blockSize) {
        super(new ContainerLayout(container, containerPerServiceOwner));
        if (blockSize < 64 * 1024 || blockSize > MAX_BLOCK_SIZE) {
            throw new IllegalArgumentException("The Azure block size must be between 64 KiB and 2000 MiB, not " + blockSize);
        }
        this.service = service;
        this.blockSize = (int) blockSize;
        this.parted = new AzureParts(this, service, container);
    }

    @Override
    protected AzureParts parts() {
        return parted;
    }

    @Override
    protected long write(ContainerLayout.Location at, InputStream content) throws IOException {
        String key = at.container() + "/" + at.name();
        BlockBlobClient blob = container(at.container()).getBlobClient(at.name()).getBlockBlobClient();
        // Block ids are unique to this write, so two writers can never mix their blocks.
        String writeId = UUID.randomUUID().toString().replace("-", "");
        List<String> blockIds = new ArrayList<>();
        byte[] block = new byte[blockSize];
        long total = 0;
        int n;
        while ((n = Parts.fill(content, block)) > 0) {
            String blockId = blockId(writeId, blockIds.size());
            int length = n;
            call(key, () -> {
                blob.stageBlock(blockId, new ByteArrayInputStream(block, 0, length), length);
                return blockId;
            });
            blockIds.add(blockId);
            total += n;
        }
        call(key, () -> blob.commitBlockList(blockIds, true));
        return total;
    }

    private static String blockId(String writeId, int index) {
        String id = writeId + "-%08d".formatted(index);
        return Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    protected InputStream readRange(ContainerLayout.Location at, long offset, long length) throws IOException {
        String key = at.container() + "/" + at.name();
        var blob = service.getBlobContainerClient(at.container()).getBlobClient(at.name());
        return call(key, () -> blob.openInputStream(new BlobInputStreamOptions()
                .setRange(new BlobRange(offset, length)).setBlockSize(Math.min(DOWNLOAD_CHUNK, blockSize))));
    }

    @Override
    protected void deleteAt(ContainerLayout.Location at) throws IOException {
        call(at.container() + "/" + at.name(),
                () -> service.getBlobContainerClient(at.container()).getBlobClient(at.name()).deleteIfExists());
    }

    @Override
    protected OptionalLong size(ContainerLayout.Location at) throws IOException {
        try {
            return OptionalLong.of(call(at.name(), () -> service.getBlobContainerClient(at.container())
                    .getBlobClient(at.name()).getProperties().getBlobSize()));
        } catch (BlobNotFoundException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public void checkReachable() throws IOException {
        call("container " + layout.base(), () -> service.getBlobContainerClient(layout.base()).exists());
    }

    private BlobContainerClient container(String name) throws IOException {
        BlobContainerClient container = service.getBlobContainerClient(name);
        if (!knownContainers.contains(name)) {
            // Marked known only once it exists, so a parallel writer never stages into a missing container;
            // createIfNotExists is idempotent, so two writers creating it at once is harmless.
            call("container " + name, container::createIfNotExists);
            knownContainers.add(name);
        }
        return container;
    }

    @Override
    protected void list(String container, Consumer<StoredBlob> each) throws IOException {
        var client = service.getBlobContainerClient(container);
        try {
            // Pages are fetched while iterating, so the iteration runs inside call() to have its errors translated.
            call(container, () -> {
                for (BlobItem item : client.listBlobs()) {
                    each.accept(new StoredBlob(item.getName(), item.getProperties().getLastModified().toInstant()));
                }
                return null;
            });
        } catch (BlobNotFoundException e) {
            // no container yet, so no blobs
        }
    }

    /** Nothing to do: Azure discards the uncommitted blocks of an abandoned write by itself after a week. */
    @Override
    public int removeAbandonedWrites(Instant cutoff) {
        return 0;
    }

    interface AzureCall<T> {
        T run();
    }

    static <T> T call(String key, AzureCall<T> call) throws IOException {
        try {
            return call.run();
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 404) {
                throw new BlobNotFoundException(key);
            }
            if (e.getStatusCode() >= 500 || e.getStatusCode() == 429) {
                throw new StorageUnavailableException("Azure Blob Storage is not available for " + key + ": " + e.getMessage(), e);
            }
            throw new IOException("Azure Blob Storage refused the request for " + key + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (hasIoCause(e)) {
                throw new StorageUnavailableException("Azure Blob Storage is not reachable for " + key + ": " + e, e);
            }
            throw e;
        }
    }

    /** Connection failures surface as reactor or unchecked wrappers around an IOException. */
    private static boolean hasIoCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "Azure container " + layout.base() + (layout.perServiceOwner() ? "-<serviceOwner>" : "")
                + " at " + service.getAccountUrl();
    }
}

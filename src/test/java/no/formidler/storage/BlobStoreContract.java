package no.formidler.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BlobStore} promises, run against each implementation on the real thing (local disk, s3proxy,
 * Azurite): whole and ranged reads, deletes, missing keys, large objects in bounded memory, interrupted writes that
 * leave nothing, and writers in parallel.
 */
abstract class BlobStoreContract {
    static final int MIB = 1024 * 1024;
    /** The smallest part size S3 allows, so that a few MiB already make a multipart write. */
    static final int SMALL_PART = 5 * MIB;

    /** A store of the kind under test that writes in parts (blocks) of {@code partSize} bytes. */
    abstract BlobStore newStore(int partSize) throws IOException;

    private static String newKey() {
        return "991825827/" + UUID.randomUUID() + "/" + UUID.randomUUID();
    }

    @Test
    void aBlobReadsBackExactlyAsWrittenWhetherEmptySmallOrSeveralParts() throws IOException {
        BlobStore store = newStore(SMALL_PART);
        for (int size : new int[] {0, 1, 1000, SMALL_PART, 2 * SMALL_PART + 12345}) {
            String key = newKey();
            byte[] content = GeneratedContent.bytes(size, size);
            assertThat(store.write(key, new ByteArrayInputStream(content))).isEqualTo(size);
            assertThat(store.exists(key)).isTrue();
            try (InputStream in = store.read(key, 0, size)) {
                assertThat(in.readAllBytes()).as("blob of %d bytes", size).isEqualTo(content);
            }
        }
    }

    @Test
    void anyByteRangeOfABlobCanBeReadAlone() throws IOException {
        BlobStore store = newStore(SMALL_PART);
        String key = newKey();
        int size = SMALL_PART + 777;
        byte[] content = GeneratedContent.bytes(7, size);
        store.write(key, new ByteArrayInputStream(content));
        long[][] ranges = {{0, 1}, {0, 100}, {size - 1, 1}, {SMALL_PART - 10, 20}, {12345, size - 12345}, {500, 0}};
        for (long[] range : ranges) {
            try (InputStream in = store.read(key, range[0], range[1])) {
                assertThat(in.readAllBytes()).as("range %d+%d", range[0], range[1])
                        .isEqualTo(Arrays.copyOfRange(content, (int) range[0], (int) (range[0] + range[1])));
            }
        }
    }

    @Test
    void aDeletedBlobIsGoneAndDeletingItAgainIsNoError() throws IOException {
        BlobStore store = newStore(SMALL_PART);
        String key = newKey();
        store.write(key, new ByteArrayInputStream(new byte[] {1, 2, 3}));
        store.delete(key);
        assertThat(store.exists(key)).isFalse();
        assertThatThrownBy(() -> store.read(key, 0, 3)).isInstanceOf(BlobNotFoundException.class);
        store.delete(key);
    }

    @Test
    void aMissingKeyIsReportedAsBlobNotFound() throws IOException {
        BlobStore store = newStore(SMALL_PART);
        String key = newKey();
        assertThat(store.exists(key)).isFalse();
        assertThatThrownBy(() -> store.read(key, 0, 10)).isInstanceOf(BlobNotFoundException.class);
        assertThatThrownBy(() -> store.read(key, 0, 0)).isInstanceOf(BlobNotFoundException.class);
        store.delete(key);
    }

    @Test
    void aWriteInterruptedHalfwayLeavesNothingReadableAndPassesTheCauseOn() throws IOException {
        BlobStore store = newStore(SMALL_PART);
        for (long failAt : new long[] {1000, 2L * SMALL_PART + 1000}) {
            String key = newKey();
            assertThatThrownBy(() -> store.write(key, GeneratedContent.failingAt(1, 4L * SMALL_PART, failAt)))
                    .isInstanceOf(IOException.class).hasMessageContaining("client went away");
            assertThat(store.exists(key)).as("after failing at %d", failAt).isFalse();
            assertThatThrownBy(() -> store.read(key, 0, 1)).isInstanceOf(BlobNotFoundException.class);
        }
    }

    @Test
    void writersInParallelToDifferentKeysEachGetTheirOwnBytes() throws Exception {
        BlobStore store = newStore(SMALL_PART);
        int writers = 6;
        long size = SMALL_PART + 3 * MIB;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<String>> keys = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                long seed = 100 + i;
                keys.add(pool.submit(() -> {
                    String key = newKey();
                    start.await();
                    store.write(key, GeneratedContent.of(seed, size));
                    return key;
                }));
            }
            start.countDown();
            for (int i = 0; i < writers; i++) {
                try (InputStream in = store.read(keys.get(i).get(), 0, size)) {
                    assertThat(GeneratedContent.sha256(in)).isEqualTo(GeneratedContent.sha256(100 + i, size));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * 1 GiB through the store with the default 16 MiB parts. The live heap (after a full GC) is sampled every 128 MiB
     * while writing and reading: it must stay within a few parts of where it started, whatever the object's size.
     */
    @Test
    void aOneGibibyteBlobIsWrittenAndReadInBoundedMemory() throws IOException {
        long size = 1024L * MIB;
        int part = 16 * MIB;
        BlobStore store = newStore(part);
        String key = newKey();
        long baseline = liveHeap();
        AtomicLong peak = new AtomicLong();
        Runnable sample = () -> peak.accumulateAndGet(liveHeap() - baseline, Math::max);
        assertThat(store.write(key, GeneratedContent.sampled(42, size, 128L * MIB, sample))).isEqualTo(size);
        long writePeak = peak.getAndSet(0);
        String expected = GeneratedContent.sha256(42, size);
        try (InputStream in = new SamplingInputStream(store.read(key, 0, size), 128L * MIB, sample)) {
            assertThat(GeneratedContent.sha256(in)).isEqualTo(expected);
        }
        long readPeak = peak.get();
        System.out.printf("%s: 1 GiB write peak live heap growth %d MiB, read %d MiB%n",
                getClass().getSimpleName(), writePeak / MIB, readPeak / MIB);
        assertThat(writePeak).as("live heap growth while writing 1 GiB").isLessThan(6L * part);
        assertThat(readPeak).as("live heap growth while reading 1 GiB").isLessThan(6L * part);
        store.delete(key);
    }

    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** For the orphan sweep (issue 17, finding 8): complete blobs with their time, never the parts of parted uploads. */
    @Test
    void listsItsCompleteBlobsWithWhenTheyWereWrittenButNotParts() throws IOException {
        BlobStore store = newStore(SMALL_PART);
        String key = newKey();
        Instant before = Instant.now().minusSeconds(60);
        store.write(key, new ByteArrayInputStream(new byte[10]));
        String upload = UUID.randomUUID().toString();
        if (store instanceof PartedBlobStore parted) {
            parted.writePart(upload, PartedBlobStore.Staging.WHOLE, 1, 0, new ByteArrayInputStream(new byte[10]));
        }
        List<ListableStore.StoredBlob> listed = new ArrayList<>();

        ((ListableStore) store).forEachBlob(listed::add);

        assertThat(listed).filteredOn(blob -> blob.key().equals(key)).singleElement()
                .satisfies(blob -> assertThat(blob.modified()).isBetween(before, Instant.now().plusSeconds(60)));
        assertThat(listed).noneMatch(blob -> blob.key().contains(upload));
        if (store instanceof PartedBlobStore parted) {
            parted.abort(upload);
        }
    }
}

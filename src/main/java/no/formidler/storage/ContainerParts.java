package no.formidler.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import no.formidler.storage.PartedBlobStore.Part;
import no.formidler.storage.PartedBlobStore.PartedUpload;

/**
 * Parted uploads in an object store: each part is its own object under {@code .parts/<uploadKey>/} in the base bucket
 * or container, durable the moment it is written and visible to every node. Composing writes the final object once
 * (composing again after success finds it and only cleans up), then deletes the parts. By default the parts stream
 * through the node into the final object, one part read at a time; a store that can copy server-side overrides
 * {@link #assemble}.
 */
public abstract class ContainerParts<S extends ContainerBlobStore> {
    static final String PREFIX = ".parts/";
    protected final S store;
    protected final String container;

    protected ContainerParts(S store, String container) {
        this.store = store;
        this.container = container;
    }

    /** One stored part to compose from: where it is and its size (never 0). */
    public record Source(ContainerLayout.Location at, long size) {
    }

    /** Deletes every object under {@code prefix} in the base container; a missing container holds none. */
    protected abstract void deleteAll(String prefix) throws IOException;

    Part writePart(String uploadKey, int number, long offset, InputStream content) throws IOException {
        return new Part(number, offset, store.write(partAt(uploadKey, number), content), "");
    }

    long compose(ContainerLayout.Location target, List<PartedUpload> uploads) throws IOException {
        if (store.size(target).isEmpty()) {
            List<Source> sources = new ArrayList<>();
            for (PartedUpload upload : uploads) {
                for (Part part : upload.parts()) {
                    if (part.size() > 0) {
                        sources.add(new Source(partAt(upload.uploadKey(), part.number()), part.size()));
                    }
                }
            }
            assemble(target, sources);
        }
        for (PartedUpload upload : uploads) {
            abort(upload.uploadKey());
        }
        return store.size(target).orElseThrow(() -> new IOException("The composed object " + target + " is missing"));
    }

    /** Writes the final object of the sources, in order. */
    protected void assemble(ContainerLayout.Location target, List<Source> sources) throws IOException {
        List<PartSequence.PartSource> reads = sources.stream()
                .<PartSequence.PartSource>map(s -> () -> store.read(s.at(), 0, s.size())).toList();
        try (PartSequence all = new PartSequence(reads)) {
            store.write(target, all);
        }
    }

    void abort(String uploadKey) throws IOException {
        deleteAll(PREFIX + checked(uploadKey) + "/");
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

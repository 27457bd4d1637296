package no.formidler.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * What the object stores (S3, Azure) share: keys mapped to a bucket or container by the {@link ContainerLayout}, an
 * empty read answered from the object's size (a ranged GET cannot ask for zero bytes), a missing bucket or container
 * read as a missing blob, and parted uploads kept as objects of their own ({@link ContainerParts}).
 */
public abstract class ContainerBlobStore implements BlobStore, PartedBlobStore, ReachableStore, ListableStore {
    protected final ContainerLayout layout;

    protected ContainerBlobStore(ContainerLayout layout) {
        this.layout = layout;
    }

    /** The parted uploads of this store. */
    protected abstract ContainerParts<?> parts();

    /** Streams {@code content} to its end into a new object at {@code at}; returns the number of bytes stored. */
    protected abstract long write(ContainerLayout.Location at, InputStream content) throws IOException;

    /** The bytes {@code [offset, offset + length)}, {@code length > 0}, of the object at {@code at}. */
    protected abstract InputStream readRange(ContainerLayout.Location at, long offset, long length) throws IOException;

    /** Deletes the object at {@code at}; throws {@link BlobNotFoundException} when its bucket or container is missing. */
    protected abstract void deleteAt(ContainerLayout.Location at) throws IOException;

    /** The object's size, or empty if there is no such (complete) object. */
    protected abstract OptionalLong size(ContainerLayout.Location at) throws IOException;

    /** Calls {@code each} with every complete object in {@code container}, its name as the key; none if it is missing. */
    protected abstract void list(String container, Consumer<StoredBlob> each) throws IOException;

    /**
     * Only the shared container is listed: with one per service owner, a blob key cannot be rebuilt safely from a
     * container's name (owner names are folded into it), and a wrongly rebuilt key would look like an orphan.
     */
    @Override
    public void forEachBlob(Consumer<StoredBlob> each) throws IOException {
        if (layout.perServiceOwner()) {
            return;
        }
        list(layout.base(), blob -> {
            if (!blob.key().startsWith(ContainerParts.PREFIX)) {
                each.accept(blob);
            }
        });
    }

    @Override
    public long write(String key, InputStream content) throws IOException {
        return write(layout.locate(key), content);
    }

    @Override
    public InputStream read(String key, long offset, long length) throws IOException {
        return read(layout.locate(key), offset, length);
    }

    protected InputStream read(ContainerLayout.Location at, long offset, long length) throws IOException {
        if (length == 0) {
            if (size(at).isEmpty()) {
                throw new BlobNotFoundException(at.container() + "/" + at.name());
            }
            return InputStream.nullInputStream();
        }
        return readRange(at, offset, length);
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            deleteAt(layout.locate(key));
        } catch (BlobNotFoundException e) {
            // no bucket or container, so no blob: deleting it is done
        }
    }

    @Override
    public boolean exists(String key) throws IOException {
        return size(layout.locate(key)).isPresent();
    }

    @Override
    public Part writePart(String uploadKey, Staging staging, int number, long offset, InputStream content) throws IOException {
        return parts().writePart(uploadKey, number, offset, content); // an object store has no page cache to skip
    }

    @Override
    public long compose(String blobKey, List<PartedUpload> uploads) throws IOException {
        return parts().compose(layout.locate(blobKey), uploads);
    }

    @Override
    public void abort(String uploadKey) throws IOException {
        parts().abort(uploadKey);
    }
}

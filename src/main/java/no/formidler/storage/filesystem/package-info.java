/**
 * The filesystem blob store: blobs as files under one directory (standalone mode, and several nodes on a shared
 * filesystem).
 *
 * <p>Guarantees: a blob becomes visible whole or not at all (written to a temporary file, flushed to disk, then moved
 * into place atomically), so a reader never sees a partial blob, also after a crash. A parted upload is one staging
 * file written at each part's offset; a part is flushed to disk before {@code writePart} returns, and {@code compose}
 * moves the staging file into place whole, or, joining several uploads, links their files in order into one directory
 * that is renamed into place whole ({@link no.formidler.storage.filesystem.JoinedBlob}). Ranged reads seek in the
 * file, or in the joined files they span. Deleting a missing blob is no error.
 */
package no.formidler.storage.filesystem;

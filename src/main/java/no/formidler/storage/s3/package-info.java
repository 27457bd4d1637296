/**
 * The S3 blob store: blobs as objects in an S3-compatible store (Altinn platform mode, or any S3 API).
 *
 * <p>Guarantees: an object is visible only once it is complete (a single PUT, or a multipart upload completed after
 * its last part and aborted on any failure), so an interrupted write leaves nothing. Memory per write is one part
 * buffer. A parted upload's part is durable once S3 has acknowledged it; composing copies parts server-side where S3
 * allows it. Ranged reads are ranged GETs; downloads may be handed out as presigned GET URLs when configured. An
 * unreachable store is reported as {@code StorageUnavailableException} (503), fast, never as a hang.
 */
package no.formidler.storage.s3;

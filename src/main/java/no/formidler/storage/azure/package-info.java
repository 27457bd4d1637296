/**
 * The Azure blob store: blobs as block blobs in Azure Blob Storage (Altinn platform mode).
 *
 * <p>Guarantees: a blob is visible only once its block list is committed, after the last block, so an interrupted
 * write leaves nothing readable (Azure drops uncommitted blocks after a week). Memory per write is one block buffer.
 * A parted upload's part is durable once its staged block is acknowledged. Ranged reads are ranged downloads. An
 * unreachable store is reported as {@code StorageUnavailableException} (503), fast, never as a hang.
 */
package no.formidler.storage.azure;

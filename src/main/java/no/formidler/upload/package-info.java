/**
 * Upload, the first step of the path upload → store → scan → publish → event. {@link no.formidler.upload.StreamedUpload}
 * (and, for resumable uploads, {@code upload.tus.TusCompletion}) streams the body once into the blob store under a new
 * {@link no.formidler.storage.BlobKey}, hashing it ({@link no.formidler.storage.FileDigests}) and feeding the inline
 * malware scan ({@code scan.InlineScan}) on the way; it then hands the stored file and the scan's verdict, if any, to
 * {@code transfer.TransferLifecycle.completeUpload}, which decides the status.
 */
package no.formidler.upload;

package no.formidler.transfer;

/** A file that has been written to the blob store, with the digests computed while it streamed in. */
public record StoredFile(String location, long size, String md5, String sha256) {
}

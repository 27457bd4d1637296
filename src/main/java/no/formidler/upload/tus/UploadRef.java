package no.formidler.upload.tus;

import java.util.UUID;

/**
 * What a TUS URL names: the file transfer, and the upload within it. For {@code /tus/{id}} both are the transfer id;
 * for {@code /tus/{id}/partial/{partialId}} the upload is the partial one, never mistaken for a transfer.
 */
record UploadRef(UUID fileTransferId, UUID uploadId) {

    boolean owns(TusUpload upload) {
        return upload.fileTransferId().equals(fileTransferId);
    }

    boolean partial() {
        return !fileTransferId.equals(uploadId);
    }
}

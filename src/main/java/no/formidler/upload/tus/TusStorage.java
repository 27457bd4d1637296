package no.formidler.upload.tus;

import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;
import no.formidler.storage.BlobStore;
import no.formidler.storage.PartedBlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The blob store, and its parted-upload capability when it has one: TUS needs it, other uploads do not. */
@Component
class TusStorage {
    private static final Logger log = LoggerFactory.getLogger(TusStorage.class);
    private final BlobStore blobs;

    TusStorage(BlobStore blobs) {
        this.blobs = blobs;
        if (!(blobs instanceof PartedBlobStore)) {
            log.warn("The blob store {} cannot store parted uploads: TUS uploads answer 503", blobs.getClass().getSimpleName());
        }
    }

    BlobStore blobs() {
        return blobs;
    }

    /** The parted store; 503 BRO-00021 when the configured store has no such capability. */
    PartedBlobStore parted() {
        if (blobs instanceof PartedBlobStore parted) {
            return parted;
        }
        throw new BrokerException(BrokerError.STORAGE_NOT_READY);
    }
}

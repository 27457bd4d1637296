package no.formidler.transfer;

import java.io.IOException;
import java.util.Optional;
import no.formidler.storage.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A status change that makes a transfer's stored file unwanted (cancelled, rejected by a malware scan), then the file's
 * delete: the change commits in a transaction of its own first, so the delete (a network call on S3 or Azure) never
 * runs while the outbox's lock or the transfer's row lock is held. A failed delete is logged and leaves the bytes until
 * the transfer is purged; the transfer serves no download either way.
 */
@Component
class AfterCommitDelete {
    private static final Logger log = LoggerFactory.getLogger(AfterCommitDelete.class);
    private final BlobStore store;
    private final TransactionTemplate transaction;

    AfterCommitDelete(BlobStore store, PlatformTransactionManager transactions) {
        this.store = store;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What a change decided, and the stored file it made unwanted, if any. */
    record Changed<T>(T result, Optional<String> unwantedFile) {
    }

    /**
     * Runs the change in its own transaction, then deletes the file it made unwanted; {@code whose} is for the log.
     * Refused inside a caller's transaction: the change would join it and the delete run before that commit (and
     * under its locks), leaving a file gone for a change that may still roll back.
     */
    <T> T change(String whose, TransactionCallback<Changed<T>> change) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A change whose file is deleted after commit must not run inside a transaction");
        }
        Changed<T> changed = transaction.execute(change);
        changed.unwantedFile().ifPresent(location -> delete(location, whose));
        return changed.result();
    }

    private void delete(String location, String whose) {
        try {
            store.delete(location);
        } catch (IOException e) {
            log.warn("Could not delete the file {} of {}; it goes when the transfer is purged", location, whose, e);
        }
    }
}

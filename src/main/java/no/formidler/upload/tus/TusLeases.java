package no.formidler.upload.tus;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import no.formidler.storage.SupersededWriteException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Leases that let one PATCH at a time write an upload, on any node, without holding a database connection while its
 * body streams: the lease (owner, expiry) is taken in one short statement, renewed in the background while the request
 * runs, and ended with the commit of the chunk. A second PATCH meanwhile gets 423; a crashed holder's lease runs out.
 */
@Component
class TusLeases implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(TusLeases.class);
    private final TusUploadRepository uploads;
    private final Duration duration;
    /**
     * One thread renews every lease this node holds (a renewal is one short UPDATE). Not db-scheduler: a renewal
     * belongs to a request running in this process and must die with it, which is what makes a crashed lease run out.
     */
    private final ScheduledThreadPoolExecutor renewals = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "tus-lease-renewal");
        thread.setDaemon(true);
        return thread;
    });

    TusLeases(TusUploadRepository uploads, TusProperties properties) {
        this.uploads = uploads;
        this.duration = properties.leaseDuration();
        renewals.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void destroy() {
        renewals.shutdownNow();
    }

    /**
     * The lease on the upload the URL names, or 404 when that transfer has no such upload, 423 when another request
     * holds it. The transfer is part of the claim so a caller of one transfer can never lock another's upload.
     */
    Lease take(UploadRef ref) {
        UUID owner = UUID.randomUUID();
        long taken = System.nanoTime();
        TusUploadRepository.Leased leased = uploads.takeLease(ref, owner, duration)
                .orElseThrow(TusError.UPLOAD_NOT_FOUND::exception);
        return new Lease(leased.upload(), leased.parts(), owner, taken);
    }

    /** One PATCH's hold on an upload; closing it ends the lease if the commit did not. */
    final class Lease implements AutoCloseable {
        private final TusUpload upload;
        private final int parts;
        private final UUID owner;
        private final ScheduledFuture<?> renewal;
        /** The chunk's commit ended the lease: closing has nothing left to release. */
        private boolean ended;
        /** Until when (System.nanoTime) the lease is surely ours: a quarter of its length before it could run out. */
        private volatile long heldUntil;

        private Lease(TusUpload upload, int parts, UUID owner, long takenAt) {
            this.upload = upload;
            this.parts = parts;
            this.owner = owner;
            this.heldUntil = takenAt + duration.toNanos() * 3 / 4;
            long interval = Math.max(1, duration.toMillis() / 4);
            this.renewal = renewals.scheduleWithFixedDelay(this::renew, interval, interval, TimeUnit.MILLISECONDS);
        }

        TusUpload upload() {
            return upload;
        }

        /** How many parts the upload had recorded when the lease was taken. */
        int parts() {
            return parts;
        }

        UUID owner() {
            return owner;
        }

        /** The commit of this lease's chunk ended it (in the same statement): no release to send on close. */
        void endedByCommit() {
            ended = true;
        }

        /**
         * Fails when the lease may have run out (renewals failed for half its length), so that this request stops
         * writing before another may start: bytes are written only under a lease.
         */
        void requireHeld() throws LeaseLostException {
            if (System.nanoTime() - heldUntil > 0) {
                throw new LeaseLostException();
            }
        }

        private void renew() {
            long started = System.nanoTime();
            try {
                if (uploads.renewLease(upload.id(), owner, duration)) {
                    heldUntil = started + duration.toNanos() * 3 / 4;
                } else {
                    heldUntil = started - 1; // committed, or (after failed renewals) taken over: no longer ours
                }
            } catch (DataAccessException e) {
                log.warn("Could not renew the lease on TUS upload {}: {}", upload.id(), e.getMessage());
            }
        }

        @Override
        public void close() {
            renewal.cancel(false);
            if (ended) {
                return;
            }
            try {
                uploads.releaseLease(upload.id(), owner);
            } catch (DataAccessException e) {
                log.warn("Could not end the lease on TUS upload {}; it runs out by itself: {}", upload.id(), e.getMessage());
            }
        }
    }

    /** The lease may have run out while the body streamed: another request may own the upload now. */
    static final class LeaseLostException extends SupersededWriteException {
        LeaseLostException() {
            super("The upload's lease was not renewed in time");
        }
    }
}

package no.formidler.system;

/**
 * A log whose entries are appended without a number in the transaction of the change they record, and numbered after
 * that commit by {@link CommitOrder}: gap-free, in one order across every node, and never behind a number a reader has
 * seen. The logs are numbered in their {@code @Order}, all in one transaction.
 */
public interface NumberedLog {
    /**
     * Numbers up to {@code limit} committed entries that have none, after the last numbered one. Runs in
     * {@link CommitOrder}'s transaction, under its lock; returns how many it numbered.
     */
    int numberPending(int limit);

    /** Whether a committed entry waits for its number. */
    boolean hasPending();
}

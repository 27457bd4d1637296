package no.formidler.client;

/** Told how many bytes of a file have been sent or received so far; called from transfer threads, often. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total) -> {
    };

    void progress(long done, long total);
}

package no.formidler.client;

import java.nio.file.Path;

/**
 * How a file is uploaded. Files of at least {@code tusThreshold} bytes go by TUS in chunks of {@code chunkSize}
 * (each with an {@code Upload-Checksum}), split into {@code parallelParts} partial uploads sent at once and joined
 * by a final concatenation; smaller files are streamed in one request. With a {@code stateFile}, a TUS upload cut
 * off by a crash continues where the broker durably stored it when the same upload is started again.
 * Memory: one chunk per part.
 */
public record UploadOptions(long tusThreshold, int chunkSize, int parallelParts, Path stateFile, ProgressListener progress) {
    public static final UploadOptions DEFAULT = new UploadOptions(64L << 20, 8 << 20, 4, null, ProgressListener.NONE);

    public UploadOptions {
        if (chunkSize < 1 || parallelParts < 1) {
            throw new IllegalArgumentException("chunkSize and parallelParts must be positive");
        }
        progress = progress == null ? ProgressListener.NONE : progress;
    }

    public UploadOptions stateFile(Path value) {
        return new UploadOptions(tusThreshold, chunkSize, parallelParts, value, progress);
    }

    public UploadOptions progress(ProgressListener value) {
        return new UploadOptions(tusThreshold, chunkSize, parallelParts, stateFile, value);
    }

    public UploadOptions tusThreshold(long value) {
        return new UploadOptions(value, chunkSize, parallelParts, stateFile, progress);
    }

    public UploadOptions chunkSize(int value) {
        return new UploadOptions(tusThreshold, value, parallelParts, stateFile, progress);
    }

    public UploadOptions parallelParts(int value) {
        return new UploadOptions(tusThreshold, chunkSize, value, stateFile, progress);
    }
}

package no.formidler.client;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A client of Formidler or Altinn 3 Broker (same API; base URL and tokens differ). Thread-safe; every byte path is a
 * stream with a bounded buffer, so a 10 GiB file takes the memory of a few chunks. Failures arrive as
 * {@link BrokerProblemException} (the broker refused), {@link BrokerUnreachableException} (network, after safe
 * retries) or {@link VerificationFailedException} (a received file does not match its checksums).
 */
public final class BrokerClient {
    private static final String TRANSFERS = "/broker/api/v1/filetransfer";
    private static final Set<String> BEFORE_UPLOAD = Set.of("Initialized", "UploadStarted");
    private final BrokerHttp http;
    private final Builder settings;

    private BrokerClient(Builder settings) {
        this.settings = settings;
        HttpClient client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.http = new BrokerHttp(client, settings.baseUrl, settings.tokens, settings.retry, settings.requestTimeout,
                settings.subscriptionKey);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Initializes a transfer: its metadata first, the file after. Not repeated on a lost answer (it is not idempotent). */
    public UUID initialize(FileTransferRequest request) {
        record Id(UUID fileTransferId) {
        }
        return http.json(() -> http.request(TRANSFERS).header("Content-Type", "application/json")
                .POST(BrokerHttp.jsonBody(request)).build(), BrokerHttp.Safety.ONCE, Id.class).fileTransferId();
    }

    /** Initializes and uploads {@code file}: the file name is the path's. */
    public UUID send(FileTransferRequest request, Path file, UploadOptions options) {
        UUID id = initialize(request);
        upload(id, file, options);
        return id;
    }

    public void upload(UUID fileTransferId, Path file) {
        upload(fileTransferId, file, UploadOptions.DEFAULT);
    }

    /**
     * Uploads a file: streamed below {@link UploadOptions#tusThreshold()}, by TUS (parallel, resumable) above. Started
     * again with the same state file after a crash, it continues where the broker stored the bytes, or returns at once
     * if the upload had already completed.
     */
    public void upload(UUID fileTransferId, Path file, UploadOptions options) {
        try {
            long size = Files.size(file);
            if (size < options.tusThreshold()) {
                // The file is opened again for each attempt, so a 429 may be answered by sending it again.
                streamedUpload(fileTransferId, size, () -> new CountingInputStream(open(file), size, options.progress()),
                        BrokerHttp.Safety.ONCE);
                return;
            }
            if (options.stateFile() != null && Files.exists(options.stateFile())
                    && !BEFORE_UPLOAD.contains(overview(fileTransferId).fileTransferStatus())) {
                StateFiles.delete(options.stateFile()); // completed just before a crash: nothing left to send
                return;
            }
            new TusUploader(http, options, settings.transferTimeout).upload(fileTransferId, file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    /** Streams {@code length} bytes in one request ({@code POST /filetransfer/{id}/upload}); not resumable. */
    public void upload(UUID fileTransferId, InputStream content, long length, ProgressListener progress) {
        InputStream counted = new CountingInputStream(content, length, progress);
        streamedUpload(fileTransferId, length, () -> counted, BrokerHttp.Safety.SINGLE_BODY);
    }

    private void streamedUpload(UUID fileTransferId, long length, Supplier<InputStream> body, BrokerHttp.Safety safety) {
        http.discard(() -> http.request(TRANSFERS + "/" + fileTransferId + "/upload", settings.transferTimeout)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(body), length))
                .build(), safety);
    }

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    public FileTransferOverview overview(UUID fileTransferId) {
        return http.json(() -> http.request(TRANSFERS + "/" + fileTransferId).GET().build(), BrokerHttp.Safety.SAFE,
                FileTransferOverview.class);
    }

    public FileTransferDetails details(UUID fileTransferId) {
        return http.json(() -> http.request(TRANSFERS + "/" + fileTransferId + "/details").GET().build(),
                BrokerHttp.Safety.SAFE, FileTransferDetails.class);
    }

    /** At most 100 ids, as the broker answers. */
    public List<UUID> search(SearchQuery query) {
        return http.json(() -> http.request(TRANSFERS + "?" + query.queryString()).GET().build(), BrokerHttp.Safety.SAFE,
                new TypeReference<List<UUID>>() {
                });
    }

    public ReceivedFile download(UUID fileTransferId, Path target) {
        return download(fileTransferId, target, ProgressListener.NONE);
    }

    /**
     * Downloads to {@code target} through {@code <target>.part}, continuing a cut download where it stopped, and
     * verifies SHA-256 and MD5 before the file appears under its name.
     */
    public ReceivedFile download(UUID fileTransferId, Path target, ProgressListener progress) {
        try {
            return new Downloader(http, settings.retry, settings.transferTimeout).download(overview(fileTransferId), target, progress);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + target, e);
        }
    }

    /** The bytes from {@code first} to {@code last} inclusive ({@code last} null: to the end); the caller closes it. */
    public InputStream open(UUID fileTransferId, long first, Long last) {
        HttpResponse<InputStream> response = http.send(() -> http.request(TRANSFERS + "/" + fileTransferId + "/download",
                settings.transferTimeout).header("Range", "bytes=" + first + "-" + (last == null ? "" : last)).GET().build(),
                BrokerHttp.Safety.SAFE);
        return response.body();
    }

    /**
     * Confirms the download. Retried after a lost answer; once every recipient has confirmed, such a repeat is
     * refused with {@code BRO-00010}, which then means it had succeeded.
     */
    public void confirm(UUID fileTransferId) {
        http.discard(() -> http.request(TRANSFERS + "/" + fileTransferId + "/confirmdownload")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), BrokerHttp.Safety.SAFE);
    }

    /**
     * Withdraws the transfer (Formidler extension, sender only): it becomes {@code Cancelled} and its file is deleted.
     * Safe to repeat only in the sense that a second call is refused (409), so it is sent once.
     */
    public void cancel(UUID fileTransferId, Optional<String> reason) {
        Map<String, String> body = reason.map(r -> Map.of("reason", r)).orElse(Map.of());
        http.discard(() -> http.request(TRANSFERS + "/" + fileTransferId + "/cancel")
                .header("Content-Type", "application/json")
                .POST(BrokerHttp.jsonBody(body)).build(), BrokerHttp.Safety.ONCE);
    }

    /** Waits until the transfer has left the upload states; answers its overview then. */
    public FileTransferOverview awaitProcessed(UUID fileTransferId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long wait = 50; ; wait = Math.min(wait * 2, 1000)) {
            FileTransferOverview overview = overview(fileTransferId);
            String status = overview.fileTransferStatus();
            if (!BEFORE_UPLOAD.contains(status) && !"UploadProcessing".equals(status) || System.nanoTime() > deadline) {
                return overview;
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return overview;
            }
        }
    }

    /** Service owner and resource administration. */
    public Administration administration() {
        return new Administration(http);
    }

    /** Receipts, audit entries and checkpoints. */
    public Evidence evidence() {
        return new Evidence(http);
    }

    /** Webhook subscriptions. */
    public Subscriptions subscriptions() {
        return new Subscriptions(http);
    }

    /** The caller's events of {@code resourceId}, from the cursor in {@code cursor} on. */
    public EventFeed events(String resourceId, CursorStore cursor) {
        return new EventFeed(http, resourceId, cursor, List.of(), 100);
    }

    /** Settings; only {@code baseUrl} and {@code tokens} are required. */
    public static final class Builder {
        private String baseUrl;
        private TokenProvider tokens;
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Duration transferTimeout = Duration.ofMinutes(10);
        private String subscriptionKey;

        /** e.g. {@code http://localhost:8080} or {@code https://platform.tt02.altinn.no}. */
        public Builder baseUrl(String value) {
            this.baseUrl = value;
            return this;
        }

        public Builder tokens(TokenProvider value) {
            this.tokens = value;
            return this;
        }

        public Builder retry(RetryPolicy value) {
            this.retry = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        /** How long a metadata call may take. */
        public Builder requestTimeout(Duration value) {
            this.requestTimeout = value;
            return this;
        }

        /** How long the broker may take to answer an upload chunk, a streamed upload or the start of a download. */
        public Builder transferTimeout(Duration value) {
            this.transferTimeout = value;
            return this;
        }

        /** Sent as {@code Ocp-Apim-Subscription-Key} (Altinn's API gateway). */
        public Builder subscriptionKey(String value) {
            this.subscriptionKey = value;
            return this;
        }

        public BrokerClient build() {
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(tokens, "tokens");
            return new BrokerClient(this);
        }
    }
}

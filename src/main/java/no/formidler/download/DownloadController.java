package no.formidler.download;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import no.formidler.auth.Caller;
import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;
import no.formidler.storage.BlobNotFoundException;
import no.formidler.storage.BlobStore;
import no.formidler.storage.LocalFileReadable;
import no.formidler.storage.LocalFileReadable.LocalRange;
import no.formidler.storage.PresignedReadable;
import no.formidler.storage.StorageUnavailableException;
import no.formidler.transfer.DownloadableFile;
import no.formidler.transfer.RecipientDownloads;
import no.formidler.web.Sendfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * E7 (docs/compatibility.md §1): the file, whole or one byte range, from the store to the recipient: from a file on
 * this node's disk by the servlet container's sendfile (zero-copy), from other stores streamed through one bounded
 * buffer; or, with a store configured for presigned downloads, a 307 redirect to a short-lived URL at the store.
 */
@RestController
@RequestMapping("/broker/api/v1/filetransfer")
class DownloadController {
    private static final Logger log = LoggerFactory.getLogger(DownloadController.class);
    private static final int BUFFER_SIZE = 256 * 1024;
    private final RecipientDownloads downloads;
    private final BlobStore store;

    DownloadController(RecipientDownloads downloads, BlobStore store) {
        this.downloads = downloads;
        this.store = store;
    }

    @GetMapping("/{fileTransferId}/download")
    void download(Caller caller, @PathVariable UUID fileTransferId,
                  @RequestHeader(value = "Range", required = false) String rangeHeader,
                  HttpServletRequest request, HttpServletResponse response) throws IOException {
        DownloadableFile file = downloads.authorize(caller, fileTransferId);
        Optional<ByteRange> range = ByteRange.resolve(rangeHeader, file.size());
        long offset = range.map(ByteRange::first).orElse(0L);
        long length = range.map(ByteRange::length).orElse(file.size());
        // HEAD (served by this GET handler) only asks about the file: no bytes are read and no download is recorded.
        boolean head = "HEAD".equals(request.getMethod());
        Optional<URI> direct = presigned(file);
        if (direct.isPresent()) {
            // The client fetches the bytes (and its Range) from the store itself; the attempt is recorded here.
            if (!head) {
                downloads.recordDownloadStarted(file, caller.vendor(), range.isPresent(), offset, length);
            }
            response.setStatus(307);
            response.setHeader("Location", direct.get().toString());
            response.setHeader("Cache-Control", "no-store");
            return;
        }
        if (head) {
            headers(response, file, range, length);
            return;
        }
        if (length > 0 && store instanceof LocalFileReadable local && Sendfile.supported(request)) {
            Optional<LocalRange> bytes = fromStore(caller, file, () -> local.localRange(file.location(), offset, length));
            if (bytes.isPresent()) {
                downloads.recordDownloadStarted(file, caller.vendor(), range.isPresent(), offset, length);
                headers(response, file, range, length);
                Sendfile.hand(request, bytes.get().file(), bytes.get().offset(), length);
                return;
            }
        }
        try (InputStream content = fromStore(caller, file, () -> store.read(file.location(), offset, length))) {
            downloads.recordDownloadStarted(file, caller.vendor(), range.isPresent(), offset, length);
            headers(response, file, range, length);
            copy(content, response.getOutputStream(), fileTransferId);
        }
    }

    private static void headers(HttpServletResponse response, DownloadableFile file, Optional<ByteRange> range, long length) {
        response.setStatus(range.isPresent() ? 206 : 200);
        response.setContentType("application/octet-stream");
        response.setHeader("Content-Disposition", contentDisposition(file.fileName()));
        response.setHeader("Accept-Ranges", "bytes");
        response.setContentLengthLong(length);
        range.ifPresent(r -> response.setHeader("Content-Range", r.contentRange()));
    }

    private Optional<URI> presigned(DownloadableFile file) throws IOException {
        if (!(store instanceof PresignedReadable presignable)) {
            return Optional.empty();
        }
        return presignable.presignedRead(file.location(), contentDisposition(file.fileName()));
    }

    /** A read from the store that may find the blob gone or the store unreachable. */
    private interface StoreRead<T> {
        T read() throws IOException;
    }

    /**
     * Opens the blob before anything is recorded or sent, so an unavailable store is a clean 503. A purge may delete
     * the file between the check and the open: asking again then gives the purged transfer's answer (403) instead
     * of a server error. A download that has opened the file reads it to the end.
     */
    private <T> T fromStore(Caller caller, DownloadableFile file, StoreRead<T> read) throws IOException {
        try {
            return read.read();
        } catch (BlobNotFoundException e) {
            downloads.authorize(caller, file.fileTransferId());
            throw e;
        } catch (StorageUnavailableException e) {
            log.warn("The blob store is unavailable for a download of {}: {}", file.location(), e.getMessage());
            throw new BrokerException(BrokerError.STORAGE_NOT_READY);
        }
    }

    private static void copy(InputStream content, OutputStream out, UUID id) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        int n;
        try {
            while ((n = content.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
            out.flush();
        } catch (IOException e) {
            // The response has started: nothing useful can be sent any more. A recipient that went away is normal.
            log.info("Download of {} ended early: {}", id, e.toString());
        }
    }

    /** {@code attachment; filename=...; filename*=UTF-8''...}: plain name for old clients, exact name for new ones. */
    static String contentDisposition(String fileName) {
        String ascii = fileName.replaceAll("[^\\x20-\\x7e]", "_").replace("\"", "_").replace("\\", "_");
        // URLEncoder is form encoding: '+' for space and '*' left bare, neither an attr-char of RFC 8187.
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}

package no.formidler.stats;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import no.formidler.web.Sendfile;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts file bytes in and out and times uploads and downloads, at the HTTP edge: the bytes counted are those that
 * really crossed the wire, whatever the endpoint did with them. A download handed to the container's sendfile counts
 * the bytes handed over, and its duration ends at the hand-over.
 */
class TransferBytesFilter extends OncePerRequestFilter {
    private static final String API = "/broker/api/v1/filetransfer";
    private static final Pattern STREAMED_UPLOAD = Pattern.compile(API + "/[^/]+/upload");
    private static final Pattern MULTIPART_UPLOAD = Pattern.compile(API + "/upload");
    private static final Pattern TUS_UPLOAD = Pattern.compile(API + "/upload/tus(/.*)?");
    private static final Pattern DOWNLOAD = Pattern.compile(API + "/[^/]+/download");
    private final MeterRegistry registry;
    private final Counter bytesIn;
    private final Counter bytesOut;

    TransferBytesFilter(MeterRegistry registry) {
        this.registry = registry;
        this.bytesIn = Counter.builder(OperationsMeters.UPLOAD_BYTES).baseUnit("bytes")
                .description("File bytes received by upload endpoints").register(registry);
        this.bytesOut = Counter.builder(OperationsMeters.DOWNLOAD_BYTES).baseUnit("bytes")
                .description("File bytes sent by the download endpoint").register(registry);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String method = request.getMethod();
        String uploadKind = uploadKind(method, path);
        boolean download = "GET".equals(method) && DOWNLOAD.matcher(path).matches();
        if (uploadKind == null && !download) {
            chain.doFilter(request, response);
            return;
        }
        Timer.Sample sample = Timer.start(registry);
        CountingStreams.Request countedRequest = new CountingStreams.Request(request);
        CountingStreams.Response countedResponse = new CountingStreams.Response(response);
        try {
            chain.doFilter(uploadKind != null ? countedRequest : request, download ? countedResponse : response);
        } finally {
            String outcome = outcome(response.getStatus());
            if (uploadKind != null) {
                bytesIn.increment(countedRequest.count());
                sample.stop(Timer.builder(OperationsMeters.UPLOAD_DURATION).tag("kind", uploadKind)
                        .tag("outcome", outcome).description("Upload request duration").register(registry));
            } else {
                bytesOut.increment(countedResponse.count() + Sendfile.handed(request));
                sample.stop(Timer.builder(OperationsMeters.DOWNLOAD_DURATION).tag("outcome", outcome)
                        .description("Download duration").register(registry));
            }
        }
    }

    private static String uploadKind(String method, String path) {
        if (TUS_UPLOAD.matcher(path).matches()) {
            return "PATCH".equals(method) ? "tus" : null;
        }
        if (!"POST".equals(method)) {
            return null;
        }
        if (MULTIPART_UPLOAD.matcher(path).matches()) {
            return "multipart";
        }
        return STREAMED_UPLOAD.matcher(path).matches() ? "streamed" : null;
    }

    private static String outcome(int status) {
        return status < 400 ? "success" : status < 500 ? "client_error" : "server_error";
    }
}

package no.formidler.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.Locale;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Issue 17, finding 9: when initialize-and-upload refuses before it read its multipart body (a refused caller, bad
 * metadata, a file over the limit), Tomcat is told not to read the rest: it answers and closes the connection. With
 * {@code server.tomcat.max-swallow-size=-1} it would otherwise read and discard the whole body, however large, before
 * the connection could serve the next request. Only that endpoint, only with a multipart body, only a 4xx or 5xx
 * answer (Tomcat turns a lower status into 500 when told so), only when much of the body was left unread: every other
 * request keeps its connection (TUS clients rely on it). The controller says {@code Connection: close} in its own
 * refusals, so that clients learn it from the answer.
 */
final class UnreadUploadValve extends ValveBase {
    private static final String PATH = "/broker/api/v1/filetransfer/upload";
    /**
     * Less than this left unread is read and dropped, as Tomcat's default {@code max-swallow-size} would: the connection
     * is kept, so a client that pools connections and sends small bodies (refused by a filter, whose answer cannot say
     * {@code Connection: close}) never reuses one the broker has closed.
     */
    static final long SWALLOW_AT_MOST = 2 * 1024 * 1024;

    UnreadUploadValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        try {
            getNext().invoke(request, response);
        } finally {
            if (unreadUpload(request)) {
                request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            }
        }
    }

    private static boolean unreadUpload(Request request) {
        String contentType = request.getContentType();
        return request.getResponse().getStatus() >= 400 && "POST".equals(request.getMethod()) && contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")
                && PATH.equals(TrailingSlashFilter.strip(request.getDecodedRequestURI()))
                && !request.getCoyoteRequest().isFinished() && muchLeft(request.getCoyoteRequest());
    }

    /** Chunked (length unknown), or more than {@link #SWALLOW_AT_MOST} still to come. */
    private static boolean muchLeft(org.apache.coyote.Request request) {
        long length = request.getContentLengthLong();
        return length < 0 || length - request.getBytesRead() > SWALLOW_AT_MOST;
    }
}

package no.formidler.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Path;

/**
 * Tomcat's sendfile, asked for through request attributes (as its own DefaultServlet does): once the handler returns,
 * the container sends the file's bytes {@code [start, end)} with the kernel's sendfile, from the page cache to the
 * socket without passing through the JVM, and without holding a request thread while a slow client reads. The
 * response must carry its Content-Length and no body of its own.
 */
public final class Sendfile {
    private static final String SUPPORT = "org.apache.tomcat.sendfile.support";
    private static final String FILENAME = "org.apache.tomcat.sendfile.filename";
    private static final String START = "org.apache.tomcat.sendfile.start";
    private static final String END = "org.apache.tomcat.sendfile.end";

    private Sendfile() {
    }

    /** The container offers sendfile for this request (a HEAD has no body to send). */
    public static boolean supported(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(SUPPORT)) && "GET".equals(request.getMethod());
    }

    public static void hand(HttpServletRequest request, Path file, long offset, long length) {
        request.setAttribute(FILENAME, file.toAbsolutePath().toString());
        request.setAttribute(START, offset);
        request.setAttribute(END, offset + length);
    }

    /** The bytes handed to sendfile for this request, 0 when none were (the download metrics count them). */
    public static long handed(HttpServletRequest request) {
        return request.getAttribute(START) instanceof Long start && request.getAttribute(END) instanceof Long end
                ? end - start : 0;
    }
}

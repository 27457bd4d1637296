package no.formidler.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Accepts {@code /broker/api/v1/filetransfer/} as {@code /broker/api/v1/filetransfer}, as the reference's routing
 * does (eFormidling's client initializes with the slash). It runs before every other filter, so the slash form meets
 * exactly the same API-key, scope and access checks as the plain path: nothing later sees the slash.
 */
public class TrailingSlashFilter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        if (uri.length() > 1 && uri.endsWith("/")) {
            chain.doFilter(new WithoutTrailingSlash(request), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    /** The path without its trailing slashes ({@code "/"} stays); null stays null. */
    static String strip(String path) {
        if (path == null) {
            return null;
        }
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }

    private static final class WithoutTrailingSlash extends HttpServletRequestWrapper {
        WithoutTrailingSlash(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getRequestURI() {
            return strip(super.getRequestURI());
        }

        @Override
        public StringBuffer getRequestURL() {
            return new StringBuffer(strip(super.getRequestURL().toString()));
        }

        @Override
        public String getServletPath() {
            // With the DispatcherServlet on "/", the whole path is the servlet path and there is no path info.
            return getPathInfo() == null ? strip(super.getServletPath()) : super.getServletPath();
        }

        @Override
        public String getPathInfo() {
            String info = super.getPathInfo();
            return info == null || info.equals("/") ? info : strip(info);
        }
    }
}

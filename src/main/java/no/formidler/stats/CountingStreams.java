package no.formidler.stats;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;

/** Request and response wrappers that count the body bytes passing through them, and nothing else. */
final class CountingStreams {
    private CountingStreams() {
    }

    static final class Request extends HttpServletRequestWrapper {
        private final LongAdder count = new LongAdder();
        private ServletInputStream stream;

        Request(HttpServletRequest request) {
            super(request);
        }

        long count() {
            return count.sum();
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingInput(super.getInputStream(), count);
            }
            return stream;
        }
    }

    static final class Response extends HttpServletResponseWrapper {
        private final LongAdder count = new LongAdder();
        private ServletOutputStream stream;

        Response(HttpServletResponse response) {
            super(response);
        }

        long count() {
            return count.sum();
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                stream = new CountingOutput(super.getOutputStream(), count);
            }
            return stream;
        }
    }

    private static final class CountingInput extends ServletInputStream {
        private final ServletInputStream in;
        private final LongAdder count;

        CountingInput(ServletInputStream in, LongAdder count) {
            this.in = in;
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count.increment();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count.add(n);
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static final class CountingOutput extends ServletOutputStream {
        private final ServletOutputStream out;
        private final LongAdder count;

        CountingOutput(ServletOutputStream out, LongAdder count) {
            this.out = out;
            this.count = count;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count.increment();
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length);
            count.add(length);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}

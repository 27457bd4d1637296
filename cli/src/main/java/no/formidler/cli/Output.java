package no.formidler.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintStream;
import java.util.Map;
import no.formidler.client.ProgressListener;

/**
 * Where results and progress go: results to stdout (text, or one JSON object a line with {@code --json}); progress
 * to stderr, as a bar redrawn in place on a terminal and as a line every tenth otherwise.
 */
final class Output {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final boolean json;
    private final boolean terminal;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    Output(boolean json, boolean terminal) {
        this.json = json;
        this.terminal = terminal;
    }

    boolean json() {
        return json;
    }

    /** A result: {@code text} for people, {@code fields} for scripts. */
    synchronized void result(String text, Map<String, ?> fields) {
        out.println(json ? toJson(fields) : text);
        out.flush();
    }

    /** A note for people (stderr), never mixed into results. */
    synchronized void note(String text) {
        if (!json) {
            err.println(text);
        }
    }

    synchronized void error(String text, Map<String, ?> fields) {
        err.println(json ? toJson(fields) : "formidler: " + text);
        err.flush();
    }

    ProgressListener progress(String label) {
        return json ? ProgressListener.NONE : new Progress(label, terminal, err);
    }

    static String toJson(Map<String, ?> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bytes, speed and time left; thread-safe because TUS parts report from several threads. */
    private static final class Progress implements ProgressListener {
        private final String label;
        private final boolean terminal;
        private final PrintStream err;
        private final long started = System.nanoTime();
        private long lastDraw;
        private int lastTenth = -1;

        Progress(String label, boolean terminal, PrintStream err) {
            this.label = label;
            this.terminal = terminal;
            this.err = err;
        }

        @Override
        public synchronized void progress(long done, long total) {
            int percent = total == 0 ? 100 : (int) (done * 100 / total);
            if (terminal) {
                long now = System.nanoTime();
                if (now - lastDraw > 100_000_000L || done == total) {
                    lastDraw = now;
                    err.print("\r" + bar(done, total, percent) + (done == total ? "\n" : ""));
                    err.flush();
                }
            } else if (percent / 10 > lastTenth) {
                lastTenth = percent / 10;
                err.println(label + ": " + lastTenth * 10 + "% (" + done + " of " + total + " bytes)");
                err.flush();
            }
        }

        private String bar(long done, long total, int percent) {
            double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
            double speed = done / seconds;
            long left = speed > 0 ? (long) ((total - done) / speed) : 0;
            int filled = percent / 5;
            return String.format("%-24s [%s%s] %3d%% %s %s/s %d:%02d left", shorten(label), "#".repeat(filled),
                    ".".repeat(20 - filled), percent, bytes(done), bytes((long) speed), left / 60, left % 60);
        }

        private static String shorten(String text) {
            return text.length() <= 24 ? text : "…" + text.substring(text.length() - 23);
        }
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        int unit = (63 - Long.numberOfLeadingZeros(n)) / 10;
        return String.format("%.1f %siB", n / (double) (1L << (unit * 10)), "KMGTPE".charAt(unit - 1));
    }
}

package no.formidler.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The embedded PostgreSQL's postmaster as the operating system sees it: its process, and the command line it was
 * started with, which is all it takes to start it again exactly as the library did.
 */
record Postmaster(ProcessHandle process, List<String> commandLine) {

    /** The postmaster named in {@code dataDir/postmaster.pid}, read while it runs. */
    static Postmaster of(Path dataDir) throws IOException {
        long pid = pidIn(dataDir).orElseThrow(() -> new IOException("No postmaster.pid in " + dataDir));
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new IOException("The postmaster " + pid + " is not running"));
        return new Postmaster(process, commandLine(process));
    }

    /** The pid on the first line of {@code dataDir/postmaster.pid}, PostgreSQL's lock file; empty without one. */
    static OptionalLong pidIn(Path dataDir) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
        } catch (NoSuchFileException none) {
            return OptionalLong.empty();
        }
        String first = lines.isEmpty() ? "" : lines.get(0).trim();
        return first.matches("\\d{1,18}") ? OptionalLong.of(Long.parseLong(first)) : OptionalLong.empty();
    }

    /**
     * Removes {@code dataDir/postmaster.pid} when it names this postmaster and it has died. A new postmaster checks the
     * lock file's pid with {@code kill(pid, 0)}, which succeeds for a zombie, and would refuse to start ("lock file
     * already exists"). Dropping it is safe: PostgreSQL's shared-memory check, keyed by the data directory, still
     * refuses to start while a backend of the dead postmaster lives.
     */
    void releaseLockFileIfDead(Path dataDir) throws IOException {
        if (!running() && pidIn(dataDir).equals(OptionalLong.of(process.pid()))) {
            Files.deleteIfExists(dataDir.resolve("postmaster.pid"));
        }
    }

    private static List<String> commandLine(ProcessHandle process) throws IOException {
        ProcessHandle.Info info = process.info();
        List<String> line = new ArrayList<>();
        line.add(info.command().orElseThrow(() -> new IOException("The postmaster's command cannot be read")));
        line.addAll(List.of(info.arguments().orElse(new String[0])));
        return List.copyOf(line);
    }

    /**
     * A killed postmaster whose parent does not reap it (the broker as PID 1 in a container) stays a zombie, which
     * {@link ProcessHandle#isAlive()} counts as alive; Linux's {@code /proc} tells the difference.
     */
    boolean running() {
        if (!process.isAlive()) {
            return false;
        }
        return state().map(state -> state != 'Z' && state != 'X').orElse(true);
    }

    private Optional<Character> state() {
        if (!Files.isDirectory(Path.of("/proc", "self"))) {
            return Optional.empty(); // not Linux
        }
        try {
            return stateIn(Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat")));
        } catch (NoSuchFileException gone) {
            return Optional.of('X');
        } catch (IOException | SecurityException unreadable) {
            return Optional.empty();
        }
    }

    /** The state letter in a {@code /proc/<pid>/stat} line, {@code "pid (name) S ..."}; the name may contain ')'. */
    static Optional<Character> stateIn(String stat) {
        int afterName = stat.lastIndexOf(')') + 2;
        return afterName > 1 && afterName < stat.length() ? Optional.of(stat.charAt(afterName)) : Optional.empty();
    }
}

package no.formidler.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The embedded PostgreSQL's postmaster as the operating system sees it: its process, and the command line it was
 * started with, which is all it takes to start it again exactly as the library did.
 */
record Postmaster(ProcessHandle process, List<String> commandLine) {

    /** The postmaster named in {@code dataDir/postmaster.pid}, read while it runs. */
    static Postmaster of(Path dataDir) throws IOException {
        String firstLine = Files.readAllLines(dataDir.resolve("postmaster.pid")).stream().findFirst().orElse("").trim();
        ProcessHandle process = ProcessHandle.of(Long.parseLong(firstLine))
                .orElseThrow(() -> new IOException("The postmaster " + firstLine + " is not running"));
        return new Postmaster(process, commandLine(process));
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
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            int afterName = stat.lastIndexOf(')') + 2; // "pid (name) S ..."; the name may itself contain ')'
            return afterName > 1 && afterName < stat.length() ? Optional.of(stat.charAt(afterName)) : Optional.empty();
        } catch (NoSuchFileException gone) {
            return Optional.of('X');
        } catch (IOException | SecurityException unreadable) {
            return Optional.empty();
        }
    }
}

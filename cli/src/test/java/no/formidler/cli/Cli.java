package no.formidler.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The packaged CLI ({@code target/formidler-cli.jar}) run as its own process, as a user runs it, with its config
 * directory in the test's temp dir. Output lines (stdout and stderr merged) are collected as they come.
 */
final class Cli {
    private static final Path JAR = Path.of(System.getProperty("formidler.cli.jar", "target/formidler-cli.jar"));
    private final Path configDir;

    Cli(Path configDir) {
        this.configDir = configDir;
    }

    record Result(int exitCode, List<String> lines) {
        String output() {
            return String.join("\n", lines);
        }
    }

    /** A running command; its lines arrive while it runs. */
    static final class Running implements AutoCloseable {
        final Process process;
        final List<String> lines = new CopyOnWriteArrayList<>();
        private final Thread reader;

        Running(Process process) {
            this.process = process;
            this.reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // the process was killed
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        /** Waits until a line matches; fails with the output so far when it does not come in time. */
        String awaitLine(Predicate<String> match, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (String line : lines) {
                    if (match.test(line)) {
                        return line;
                    }
                }
                if (!process.isAlive() && !reader.isAlive()) {
                    break;
                }
                Thread.sleep(20);
            }
            throw new AssertionError("No matching line within " + timeout + "; output:\n" + String.join("\n", lines));
        }

        long count(Predicate<String> match) {
            return lines.stream().filter(match).count();
        }

        Result await(Duration timeout) throws InterruptedException {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("Did not finish within " + timeout + "; output:\n" + String.join("\n", lines));
            }
            reader.join(5000);
            return new Result(process.exitValue(), new ArrayList<>(lines));
        }

        /** kill -9: no shutdown hook, nothing flushed, as a crash or a killed terminal. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        /** SIGTERM, as a service manager stops it. */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                kill();
            }
        }
    }

    Running start(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        command.add("--config-dir=" + configDir);
        try {
            return new Running(new ProcessBuilder(command).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves a development-issuer profile, as {@code formidler login --dev-org} does; fails the test if it cannot. */
    void login(String profile, String baseUrl, String org, String scopes) throws InterruptedException {
        Result result = run("login", "--profile", profile, "--base-url", baseUrl, "--dev-org", org, "--scopes", scopes);
        if (result.exitCode() != 0) {
            throw new AssertionError("login failed:\n" + result.output());
        }
    }

    Result run(String... args) throws InterruptedException {
        try (Running running = start(args)) {
            return running.await(Duration.ofMinutes(10));
        }
    }
}

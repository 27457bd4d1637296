package no.formidler.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Azurite's blob service (npm {@code azurite}, installed by {@code .ci/install.sh} under {@code .ci/azurite}) as a
 * child process on 127.0.0.1 and a free port, for one test class: started before its tests (ready once it prints
 * that it listens), stopped by its process id after them.
 */
public final class Azurite implements BeforeAllCallback, AfterAllCallback {
    private static final Path BINARY = Path.of(".ci", "azurite", "node_modules", ".bin", "azurite-blob");
    /** Azurite's well-known development account key (public, documented by Microsoft). */
    private static final String ACCOUNT_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private Process process;
    private Path location;
    private int port;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: run .ci/install.sh");
        }
        location = Files.createTempDirectory("azurite-");
        port = BrokerProcess.freePort();
        process = new ProcessBuilder(BINARY.toString(), "--blobHost", "127.0.0.1", "--blobPort", String.valueOf(port),
                "--location", location.toString(), "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--silent")
                .redirectErrorStream(true).start();
        CompletableFuture<Void> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> drain(listening), "azurite-output");
        reader.setDaemon(true);
        reader.start();
        try {
            listening.get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            afterAll(context);
            throw new IllegalStateException("Azurite did not start listening within 60 s", e);
        }
    }

    private void drain(CompletableFuture<Void> listening) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.contains("successfully listens")) {
                    listening.complete(null);
                }
            }
            listening.completeExceptionally(new IllegalStateException("Azurite exited with " + process.waitFor()));
        } catch (IOException | InterruptedException e) {
            listening.completeExceptionally(e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (process != null) {
            process.toHandle().descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        if (location != null) {
            try (var paths = Files.walk(location)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    public int port() {
        return port;
    }

    public String connectionString() {
        return "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + ACCOUNT_KEY
                + ";BlobEndpoint=http://127.0.0.1:" + port + "/devstoreaccount1;";
    }
}

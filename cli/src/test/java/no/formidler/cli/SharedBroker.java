package no.formidler.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import no.formidler.client.testsupport.BrokerProcess;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One real broker for all the CLI's tests (it takes a while to start), given to any test method or {@code @BeforeAll}
 * that asks for a {@link BrokerProcess}, and stopped when the test run ends.
 */
final class SharedBroker implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == BrokerProcess.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent("formidler-broker", key -> new Handle(), Handle.class).broker;
    }

    // AutoCloseable too: newer JUnit versions close only those.
    private static final class Handle implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final Path dataDir;
        final BrokerProcess broker;

        Handle() {
            try {
                dataDir = Files.createTempDirectory("formidler-cli-broker");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            broker = BrokerProcess.standalone(dataDir);
        }

        @Override
        public void close() throws InterruptedException, IOException {
            broker.close();
            try (var files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}

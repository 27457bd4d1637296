package no.formidler.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.formidler.client.testsupport.BrokerProcess;
import no.formidler.client.testsupport.TestBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** README's Java examples compile (they are in {@link ReadmeExamples}) and do what the README says. */
@ExtendWith(TestBroker.class)
class ReadmeExamplesTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Path EXAMPLES = Path.of("src/test/java/no/formidler/client/ReadmeExamples.java");

    @Test
    void everyJavaExampleInTheReadmeIsInTheCompiledExamples() throws Exception {
        List<String> examples = javaBlocks(Files.readString(README));
        assertThat(examples).hasSizeGreaterThanOrEqualTo(6);
        String compiled = normalized(Files.readString(EXAMPLES));
        for (String example : examples) {
            assertThat(compiled).as("README example not in ReadmeExamples.java:\n" + example).contains(normalized(example));
            assertThat(example.lines().count()).as(example).isLessThanOrEqualTo(12);
        }
    }

    @Test
    void theExamplesAdministerSendReceiveAndFollowOnTheRealBroker(BrokerProcess broker, @TempDir Path dir) throws Exception {
        ReadmeExamples.administer(broker.baseUrl());
        Path file = Files.writeString(dir.resolve("invoice.txt"), "Invoice 118");
        UUID first = ReadmeExamples.send(broker.baseUrl(), file);

        Path followed = Files.createDirectories(dir.resolve("followed"));
        ReadmeExamples.follow(broker.baseUrl(), followed);
        UUID second = ReadmeExamples.send(broker.baseUrl(), file);
        ReadmeExamples.follow(broker.baseUrl(), followed); // goes on from its cursor
        try (Stream<Path> files = Files.list(followed)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".bin")))
                    .containsExactlyInAnyOrder(first + ".bin", second + ".bin");
        }

        UUID third = ReadmeExamples.send(broker.baseUrl(), file);
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        ReadmeExamples.receive(broker.baseUrl(), inbox); // only the third is still waiting
        try (Stream<Path> files = Files.list(inbox)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(third + "-invoice.txt");
        }
        assertThat(Files.readString(inbox.resolve(third + "-invoice.txt"))).isEqualTo("Invoice 118");
    }

    private static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher matcher = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        return blocks;
    }

    /** Lines stripped and joined, so indentation may differ between README and code. */
    private static String normalized(String code) {
        return String.join("\n", code.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
    }
}

package no.formidler.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class LogFormatEnvironmentTest {
    private final LogFormatEnvironment processor = new LogFormatEnvironment();

    @Test
    void jsonSelectsStructuredLogstashLogging() {
        var environment = new MockEnvironment().withProperty("formidler.log.format", "json");
        processor.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("logstash");
    }

    @Test
    void textIsTheDefaultAndLeavesLoggingAlone() {
        var environment = new MockEnvironment();
        processor.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("logging.structured.format.console")).isNull();
    }

    @Test
    void anUnknownFormatStopsTheStart() {
        var environment = new MockEnvironment().withProperty("formidler.log.format", "xml");
        assertThatThrownBy(() -> processor.postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageContaining("text or json");
    }
}

package no.formidler.system;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code formidler.log.format=json} selects Spring Boot's structured logging (one Logstash-style JSON object per
 * line, MDC entries such as {@code traceId}, {@code fileTransferId} and {@code callerOrg} as fields). It runs before
 * the logging system starts, which reads the property it sets.
 */
public class LogFormatEnvironment implements EnvironmentPostProcessor {
    static final String FORMAT = "formidler.log.format";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty(FORMAT, "text").trim();
        if (format.equalsIgnoreCase("json") && !environment.containsProperty("logging.structured.format.console")) {
            environment.getPropertySources().addLast(new MapPropertySource("formidlerLogFormat",
                    Map.of("logging.structured.format.console", "logstash")));
        } else if (!format.equalsIgnoreCase("text") && !format.equalsIgnoreCase("json")) {
            throw new IllegalArgumentException(FORMAT + " must be text or json, not '" + format + "'");
        }
    }
}

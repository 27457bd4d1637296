package no.formidler.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper exactly as the running broker builds it: Spring Boot's auto-configuration, the {@code spring.jackson.*}
 * settings of application.properties and {@link TextRulesModule}. The fuzz tests of the request bodies read with it.
 */
public final class AppJson {
    private static final JsonMapper MAPPER = build();

    private AppJson() {
    }

    /**
     * Reads {@code json} as the message converter does; a {@link JacksonException} is what Spring turns into
     * 400 (HttpMessageNotReadableException → {@link RequestBodyErrors}), so it is passed on and nothing else is caught.
     * A body of {@code null} reads as no value, which Spring refuses as a missing body (400) before any controller.
     */
    public static <T> T read(byte[] json, Class<T> type) throws JacksonException {
        T value = MAPPER.readValue(json, type);
        if (value == null) {
            throw new MissingBody();
        }
        return value;
    }

    /** What a required {@code @RequestBody} of {@code null} becomes: 400 "A non-empty request body is required." */
    public static final class MissingBody extends RuntimeException {
        MissingBody() {
            super("A non-empty request body is required.");
        }
    }

    /** Whether the broker answers this read failure with a 400 that names no Java type. */
    public static String describe(JacksonException e) {
        return RequestBodyErrors.describe(new org.springframework.http.converter.HttpMessageNotReadableException(
                e.getOriginalMessage(), e, new org.springframework.mock.http.MockHttpInputMessage(new byte[0])));
    }

    private static JsonMapper build() {
        Properties settings = new Properties();
        try (InputStream in = AppJson.class.getResourceAsStream("/application.properties")) {
            settings.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String[] jackson = settings.stringPropertyNames().stream()
                .filter(name -> name.startsWith("spring.jackson."))
                .map(name -> name + "=" + settings.getProperty(name))
                .toArray(String[]::new);
        AtomicReference<JsonMapper> mapper = new AtomicReference<>();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .withPropertyValues(jackson)
                .withBean(JacksonModule.class, TextRulesModule::new)
                .run(context -> mapper.set(context.getBean(JsonMapper.class)));
        return mapper.get();
    }
}

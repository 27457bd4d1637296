package no.formidler;

import java.io.ObjectInputFilter;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class FormidlerApplication {
    public static void main(String[] args) {
        refuseJavaDeserialization();
        SpringApplication.run(FormidlerApplication.class, args);
    }

    /**
     * {@code jdk.serialFilter=!*} for the whole JVM, unless the launcher set a filter already: no class is ever
     * deserialized, whichever library would try (docs/security.md).
     */
    static void refuseJavaDeserialization() {
        if (ObjectInputFilter.Config.getSerialFilter() == null) {
            ObjectInputFilter.Config.setSerialFilter(ObjectInputFilter.Config.createFilter("!*"));
        }
    }
}

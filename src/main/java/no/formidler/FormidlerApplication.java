package no.formidler;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class FormidlerApplication {
    public static void main(String[] args) {
        SpringApplication.run(FormidlerApplication.class, args);
    }
}

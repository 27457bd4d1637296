package no.formidler.scan;

import no.formidler.system.FormidlerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Picks the scanner named by {@code formidler.scan.type}. */
@Configuration(proxyBeanMethods = false)
class ScanConfiguration {

    @Bean
    MalwareScanner malwareScanner(FormidlerProperties properties) {
        FormidlerProperties.Clamd clamd = properties.scan().clamd();
        return switch (properties.scan().type()) {
            case CLAMD -> new ClamdScanner(new ClamdConnection.Address(clamd.host(), clamd.port(), clamd.socket()),
                    clamd.connectTimeout(), clamd.timeout(), clamd.streamMaxLength().toBytes());
            case WEBHOOK -> {
                String secret = properties.scan().webhook().secret();
                if (secret == null || secret.isBlank()) {
                    throw new IllegalStateException("formidler.scan.type=webhook needs formidler.scan.webhook.secret");
                }
                yield new ExternalScanner();
            }
            case NONE -> new NoScanner();
        };
    }
}

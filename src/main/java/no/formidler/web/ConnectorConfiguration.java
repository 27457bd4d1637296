package no.formidler.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's connector and pipeline. The socket buffers: by default the container reads and writes the socket 8 KiB at
 * a time: a 1 GiB upload was 131,000 reads and as many hand-overs between threads. Larger buffers cost
 * {@code 2 × formidler.http.socket-buffer} per open connection, also an idle one (README). The buffers are direct: a heap buffer makes the JDK read the socket
 * into a temporary direct buffer and copy that into the heap one, a second copy of every uploaded byte.
 */
@Configuration(proxyBeanMethods = false)
class ConnectorConfiguration {

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> socketBuffers(
            @Value("${formidler.http.socket-buffer:64KB}") DataSize size) {
        String bytes = Long.toString(size.toBytes());
        return factory -> factory.addConnectorCustomizers(connector -> {
            connector.setProperty("socket.appReadBufSize", bytes);
            connector.setProperty("socket.appWriteBufSize", bytes);
            connector.setProperty("socket.directBuffer", "true");
        });
    }

    /** Request smuggling's two shapes that Tomcat accepts are refused before the request reaches the broker. */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> requestFraming(JsonMapper json) {
        return factory -> factory.addEngineValves(new RequestFramingValve(json));
    }

    /**
     * An initialize-and-upload refused before its body was read closes instead of reading it (issue 17, finding 9). An
     * engine valve, the outermost: the host's error-page handling has run when it marks the request, so marking it
     * (an error state to Tomcat) adds no error page to the answer already given.
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> unreadUploads() {
        return factory -> factory.addEngineValves(new UnreadUploadValve());
    }
}

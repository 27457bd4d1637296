package no.formidler.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the HTTP tests with e-mail notifications on: a real SMTP server (GreenMail) on 127.0.0.1, and a broker
 * context of its own that sends to it. The server can be stopped and started again on the same port.
 */
public abstract class MailApiTest extends ApiTest {
    protected static final int SMTP_PORT = BrokerProcess.freePort();
    private static final SeparateDatabase DATABASE = SeparateDatabase.start();
    protected static GreenMail smtp = startSmtp();

    @DynamicPropertySource
    static void mailProperties(DynamicPropertyRegistry registry) {
        DATABASE.register(registry);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("formidler.public-base-url", () -> "https://formidler.example.no/");
        registry.add("formidler.notifications.from", () -> "noreply@formidler.example.no");
        registry.add("formidler.notifications.first-retry", () -> Duration.ofSeconds(30).toString());
    }

    protected static GreenMail startSmtp() {
        return startSmtp(SMTP_PORT);
    }

    /** A GreenMail SMTP server on 127.0.0.1, started; for the tests that cannot extend this class. */
    public static GreenMail startSmtp(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }
}

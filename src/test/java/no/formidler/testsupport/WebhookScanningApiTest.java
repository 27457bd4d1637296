package no.formidler.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Base of the HTTP tests with an external scanner posting to the webhook: a third broker context of its own. */
public abstract class WebhookScanningApiTest extends ApiTest {
    protected static final String SECRET_HEADER = "X-Formidler-Scan-Secret";
    protected static final String SECRET = "test-webhook-secret-" + System.nanoTime();
    private static final SeparateDatabase DATABASE = SeparateDatabase.start();

    @DynamicPropertySource
    static void webhookProperties(DynamicPropertyRegistry registry) {
        DATABASE.register(registry);
        registry.add("formidler.scan.type", () -> "webhook");
        registry.add("formidler.scan.webhook.secret", () -> SECRET);
    }
}

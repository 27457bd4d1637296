package no.formidler.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import no.formidler.secrets.SecretBox;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Webhook secrets at rest: the database row holds the secret sealed under a key outside the database, never the
 * {@code whsec_} text; a row from before sealing is sealed at start and still signs; a wrong key fails the start
 * instead of signing with garbage.
 */
class SealedSecretsTest extends ApiTest {
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SubscriptionRepository subscriptions;

    @Test
    void theStoredSecretIsSealedAndDeliveriesAreStillSignedWithTheSecretTheClientGot() throws Exception {
        EventCast cast = new EventCast(scenario());
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            JsonNode sub = cast.subscribed(cast.senderEvents, hook, cast.s.sender);
            String secret = sub.get("secret").asString();
            String stored = storedSecret(sub.get("id").asLong());
            assertThat(stored).startsWith("sealed:v1:").doesNotContain(secret).doesNotContain("whsec_")
                    .doesNotContain(secret.substring("whsec_".length()));

            cast.s.publish("sealed".getBytes());
            List<WebhookReceiver.Delivery> deliveries = hook.accepted(1, Duration.ofSeconds(20));
            assertThat(deliveries.get(0).signedWith(secret)).isTrue();
        }
    }

    @Test
    void aSecretStoredBeforeSealingIsSealedAtStartAndReadsTheSame() throws Exception {
        EventCast cast = new EventCast(scenario());
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            long id = cast.subscribed(cast.senderEvents, hook, cast.s.sender).get("id").asLong();
            String plain = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
            jdbc.sql("update event_subscription set secret = :plain where id = :id").param("plain", plain).param("id", id).update();
            assertThat(subscriptions.find(id).orElseThrow().secret()).isEqualTo(plain);

            subscriptions.afterPropertiesSet();

            assertThat(storedSecret(id)).startsWith("sealed:v1:").doesNotContain(plain);
            assertThat(subscriptions.find(id).orElseThrow().secret()).isEqualTo(plain);
        }
    }

    @Test
    void aWrongKeyFailsTheStartWithAClearErrorInsteadOfGarbage() throws Exception {
        EventCast cast = new EventCast(scenario());
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            cast.subscribed(cast.senderEvents, hook, cast.s.sender);
        }
        var otherKey = new SubscriptionRepository(jdbc, new SecretBox(new byte[32]));
        assertThatThrownBy(otherKey::afterPropertiesSet).isInstanceOf(SecretBox.WrongKeyException.class)
                .hasMessageContaining("formidler.secrets.key-file");
    }

    private String storedSecret(long id) {
        return jdbc.sql("select secret from event_subscription where id = :id").param("id", id).query(String.class).single();
    }
}

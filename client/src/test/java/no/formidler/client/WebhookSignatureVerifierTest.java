package no.formidler.client;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The test vector of the Standard Webhooks specification, and what must be refused. */
class WebhookSignatureVerifierTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final String TIMESTAMP = "1614265330";
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private final Clock then = Clock.fixed(Instant.ofEpochSecond(1614265330 + 10), ZoneOffset.UTC);

    @Test
    void theSpecificationsExampleIsAccepted() {
        var verifier = new WebhookSignatureVerifier(SECRET, Duration.ofMinutes(5), then);
        assertThatCode(() -> verifier.verify(ID, TIMESTAMP, "v1,bm9wZQ== " + SIGNATURE, BODY)).doesNotThrowAnyException();
    }

    @Test
    void aChangedBodyIsRefused() {
        var verifier = new WebhookSignatureVerifier(SECRET, Duration.ofMinutes(5), then);
        assertThatThrownBy(() -> verifier.verify(ID, TIMESTAMP, SIGNATURE, BODY + " "))
                .isInstanceOf(VerificationFailedException.class);
    }

    @Test
    void anOldDeliveryIsRefused() {
        var verifier = new WebhookSignatureVerifier(SECRET, Duration.ofMinutes(5), Clock.offset(then, Duration.ofHours(1)));
        assertThatThrownBy(() -> verifier.verify(ID, TIMESTAMP, SIGNATURE, BODY)).isInstanceOf(VerificationFailedException.class);
    }
}

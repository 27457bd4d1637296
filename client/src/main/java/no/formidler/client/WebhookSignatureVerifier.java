package no.formidler.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a webhook the broker signed as Standard Webhooks (https://www.standardwebhooks.com): {@code webhook-signature}
 * holds {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">} keyed with the subscription's secret (base64 after
 * {@code whsec_}); a timestamp more than the tolerance away is refused too, so an old delivery cannot be replayed.
 */
public final class WebhookSignatureVerifier {
    private final byte[] key;
    private final Duration tolerance;
    private final Clock clock;

    public WebhookSignatureVerifier(String secret) {
        this(secret, Duration.ofMinutes(5), Clock.systemUTC());
    }

    public WebhookSignatureVerifier(String secret, Duration tolerance, Clock clock) {
        this.key = Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** Throws {@link VerificationFailedException} unless one of the signatures is the body's and the time is near. */
    public void verify(String webhookId, String webhookTimestamp, String webhookSignature, byte[] body) {
        if (webhookId == null || webhookTimestamp == null || webhookSignature == null) {
            throw new VerificationFailedException("The webhook headers webhook-id, webhook-timestamp and webhook-signature are required");
        }
        long seconds;
        try {
            seconds = Long.parseLong(webhookTimestamp.trim());
        } catch (NumberFormatException e) {
            throw new VerificationFailedException("webhook-timestamp is not a number of seconds");
        }
        Duration age = Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs();
        if (age.compareTo(tolerance) > 0) {
            throw new VerificationFailedException("webhook-timestamp is " + age.toSeconds() + " s away from now");
        }
        byte[] expected = sign(webhookId + "." + webhookTimestamp.trim() + ".", body);
        for (String candidate : webhookSignature.trim().split(" ")) {
            if (candidate.startsWith("v1,") && MessageDigest.isEqual(expected, decode(candidate.substring(3)))) {
                return;
            }
        }
        throw new VerificationFailedException("No webhook signature matches the body");
    }

    public void verify(String webhookId, String webhookTimestamp, String webhookSignature, String body) {
        verify(webhookId, webhookTimestamp, webhookSignature, body.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] sign(String prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(prefix.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}

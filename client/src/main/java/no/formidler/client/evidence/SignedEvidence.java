package no.formidler.client.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import no.formidler.client.VerificationFailedException;

/** A compact JWS (ES256) by the broker, checked against its keys: what it signed, once the signature holds. */
final class SignedEvidence {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SignedEvidence() {
    }

    /** The verified payload; {@link VerificationFailedException} when the signature or the key does not hold. */
    static JsonNode verify(String jws, EvidenceKeys keys) {
        String[] parts = jws.trim().split("\\.");
        if (parts.length != 3) {
            throw new VerificationFailedException("Not a compact JWS (three dot-separated parts)");
        }
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            if (!"ES256".equals(header.path("alg").asText())) {
                throw new VerificationFailedException("Unexpected signature algorithm " + header.path("alg").asText());
            }
            String kid = header.path("kid").asText();
            PublicKey key = keys.forKid(kid)
                    .orElseThrow(() -> new VerificationFailedException("No trusted key with kid " + kid));
            Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
            es256.initVerify(key);
            es256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!es256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                throw new VerificationFailedException("The signature does not match the signed content");
            }
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException | IllegalArgumentException e) {
            throw new VerificationFailedException("Not a readable JWS: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new VerificationFailedException("The signature cannot be checked: " + e.getMessage());
        }
    }
}

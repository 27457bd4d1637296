package no.formidler.client.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The broker's evidence keys a verifier trusts: the EC P-256 keys of its {@code /.well-known/jwks.json} by
 * {@code kid}, or one pinned PEM public key that is used whatever the {@code kid}.
 */
public final class EvidenceKeys {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, PublicKey> byKid;
    private final Optional<PublicKey> pinned;

    private EvidenceKeys(Map<String, PublicKey> byKid, Optional<PublicKey> pinned) {
        this.byKid = Map.copyOf(byKid);
        this.pinned = pinned;
    }

    /** The keys of a JWK set document, as the broker publishes it. */
    public static EvidenceKeys fromJwks(String jwks) {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        try {
            for (JsonNode key : JSON.readTree(jwks).path("keys")) {
                if ("EC".equals(key.path("kty").asText()) && "P-256".equals(key.path("crv").asText())) {
                    keys.put(key.path("kid").asText(), ecPublicKey(decode(key.path("x").asText()),
                            decode(key.path("y").asText())));
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a JWK set", e);
        }
        return new EvidenceKeys(keys, Optional.empty());
    }

    /** One public key in PEM ({@code BEGIN PUBLIC KEY}), trusted for every signature. */
    public static EvidenceKeys pinned(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return new EvidenceKeys(Map.of(), Optional.of(KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a PEM EC public key", e);
        }
    }

    Optional<PublicKey> forKid(String kid) {
        return pinned.or(() -> Optional.ofNullable(byKid.get(kid)));
    }

    private static PublicKey ecPublicKey(byte[] x, byte[] y) {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
                    new ECPoint(new BigInteger(1, x), new BigInteger(1, y)), spec));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an EC P-256 key", e);
        }
    }

    private static byte[] decode(String base64Url) {
        return Base64.getUrlDecoder().decode(base64Url);
    }
}

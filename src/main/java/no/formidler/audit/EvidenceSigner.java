package no.formidler.audit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Signs receipts and checkpoints as compact JWS (ES256) with the current evidence key, named by its {@code kid}. */
@Component
class EvidenceSigner {
    private final EvidenceKeys keys;
    private final JsonMapper json;

    EvidenceSigner(EvidenceKeys keys, JsonMapper json) {
        this.keys = keys;
        this.json = json;
    }

    /** @param type the JWS {@code typ}, which says what the payload is */
    String sign(String type, Map<String, Object> claims) {
        ECKey key = keys.current();
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                .type(new JOSEObjectType(type)).build(), new Payload(json.writeValueAsString(claims)));
        try {
            jws.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing with the evidence key failed", e);
        }
        return jws.serialize();
    }
}

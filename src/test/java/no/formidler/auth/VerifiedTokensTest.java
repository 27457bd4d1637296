package no.formidler.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import no.formidler.testsupport.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** A remembered token skips the signature check only: same bytes, and issuer and expiry checked on every use. */
class VerifiedTokensTest {
    private static final String ISSUER = "https://issuer.test";
    private final TestClock clock = new TestClock();
    private Instant t0;
    private RSAKey key;
    private final AtomicInteger signatureChecks = new AtomicInteger();
    private final AtomicInteger minted = new AtomicInteger();
    private VerifiedTokens tokens;

    @BeforeEach
    void issuer() throws Exception {
        key = new RSAKeyGenerator(2048).generate();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        t0 = clock.instant();
        timestamps.setClock(clock);
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(timestamps,
                new JwtIssuerValidator(ISSUER));
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
        nimbus.setJwtValidator(validator);
        JwtDecoder counted = token -> {
            signatureChecks.incrementAndGet();
            return nimbus.decode(token);
        };
        tokens = new VerifiedTokens(counted, validator, 3, clock);
    }

    @Test
    void theSameTokenIsVerifiedOnceAndStillAnsweredWithItsClaims() throws Exception {
        String token = token("123456789", t0.plusSeconds(600));
        for (int i = 0; i < 5; i++) {
            assertThat(tokens.decode(token).getClaimAsString("org")).isEqualTo("123456789");
        }
        assertThat(signatureChecks).hasValue(1);
    }

    @Test
    void aKnownTokenIsRefusedOnceItExpires() throws Exception {
        String token = token("123456789", t0.plusSeconds(60));
        tokens.decode(token);
        clock.advance(Duration.ofSeconds(61));
        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aTokenWithTheSameClaimsButAnotherSignatureIsCheckedAndRefused() throws Exception {
        String token = token("123456789", t0.plusSeconds(600));
        tokens.decode(token);
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThat(signatureChecks).hasValue(2);
        assertThat(tokens.size()).isEqualTo(1);
    }

    @Test
    void moreLiveTokensThanItRemembersAreAllStillAnswered() throws Exception {
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 5; i++) {
                String org = "31000000" + i;
                assertThat(tokens.decode(token(org, t0.plusSeconds(600))).getClaimAsString("org")).isEqualTo(org);
            }
        }
        assertThat(tokens.size()).isLessThanOrEqualTo(3);
    }

    @Test
    void expiredTokensMakeRoomBeforeLiveOnesAreForgotten() throws Exception {
        String live = token("123456789", t0.plusSeconds(600));
        tokens.decode(token("310000001", t0.plusSeconds(10)));
        tokens.decode(token("310000002", t0.plusSeconds(10)));
        tokens.decode(live);
        clock.advance(Duration.ofSeconds(11));
        tokens.decode(token("310000003", t0.plusSeconds(600)));
        tokens.decode(live);
        assertThat(signatureChecks).as("the live token was kept when the full cache made room").hasValue(4);
    }

    private String token(String org, Instant expires) throws Exception {
        // Every token differs by its jti, even where the claims that matter are the same.
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).claim("org", org)
                .jwtID(Integer.toString(minted.incrementAndGet()))
                .issueTime(Date.from(t0)).expirationTime(Date.from(expires)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}

package no.formidler.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/** Each token goes to its issuer's authentication; the issuer is read once per token text, never trusted alone. */
class TokenIssuerRoutingTest {
    private final List<String> authenticatedBy = new ArrayList<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private final Map<String, AuthenticationManager> managers = Map.of(
            "https://a.test", manager("a"), "https://b.test", manager("b"));
    private final TokenIssuerRouting routing = new TokenIssuerRouting(issuer -> {
        lookups.incrementAndGet();
        return managers.get(issuer);
    }, 3);

    @Test
    void eachTokenIsAuthenticatedByTheIssuerItNamesEveryTime() {
        String a = token("https://a.test", "1");
        String b = token("https://b.test", "2");
        for (int i = 0; i < 3; i++) {
            authenticate(a);
            authenticate(b);
        }
        assertThat(authenticatedBy).containsExactly("a", "b", "a", "b", "a", "b");
        assertThat(lookups).hasValue(2); // read once per token
    }

    @Test
    void aTokenNamingAnUntrustedIssuerIsRefusedEachTimeAndNotRemembered() {
        String untrusted = token("https://evil.test", "1");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> authenticate(untrusted)).isInstanceOf(InvalidBearerTokenException.class)
                    .hasMessage("Invalid issuer");
        }
        assertThat(lookups).hasValue(2);
        assertThat(routing.size()).isZero();
        assertThat(authenticatedBy).isEmpty();
    }

    @Test
    void garbageAndATokenWithoutIssuerAreRefused() {
        assertThatThrownBy(() -> authenticate("not.a.jwt")).isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> authenticate(new PlainJWT(new JWTClaimsSet.Builder().subject("x").build()).serialize()))
                .isInstanceOf(InvalidBearerTokenException.class).hasMessage("Missing issuer");
        assertThat(routing.size()).isZero();
    }

    @Test
    void theIssuersRefusalIsPassedOnWithTheRequestThatFailed() {
        String refused = token("https://b.test", "refuse");
        BearerTokenAuthenticationToken request = new BearerTokenAuthenticationToken(refused);
        assertThatThrownBy(() -> routing.resolve(new MockHttpServletRequest()).authenticate(request))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.getAuthenticationRequest()).isSameAs(request));
    }

    @Test
    void noMoreTokensAreRememberedThanItsCapacity() {
        for (int i = 0; i < 10; i++) {
            authenticate(token("https://a.test", "client-" + i));
            assertThat(routing.size()).isLessThanOrEqualTo(3);
        }
        assertThat(authenticatedBy).hasSize(10);
    }

    private void authenticate(String token) {
        routing.resolve(new MockHttpServletRequest()).authenticate(new BearerTokenAuthenticationToken(token));
    }

    private AuthenticationManager manager(String name) {
        return authentication -> {
            String token = ((BearerTokenAuthenticationToken) authentication).getToken();
            if (token.equals(token("https://b.test", "refuse"))) {
                throw new InvalidBearerTokenException("signature");
            }
            authenticatedBy.add(name);
            return new TestingAuthenticationToken(name, token, "SCOPE_x");
        };
    }

    private static String token(String issuer, String subject) {
        return new PlainJWT(new JWTClaimsSet.Builder().issuer(issuer).subject(subject).build()).serialize();
    }
}

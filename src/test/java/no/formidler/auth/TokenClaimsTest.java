package no.formidler.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenClaimsTest {

    private static Set<String> scopesOf(Map<String, Object> claims) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").claims(c -> c.putAll(claims))
                .issuedAt(Instant.EPOCH).expiresAt(Instant.EPOCH.plusSeconds(60)).build();
        return TokenClaims.caller(jwt).scopes();
    }

    @Test
    void aScopeClaimIsSplitOnRunsOfSpacesWithNoEmptyScope() {
        assertThat(scopesOf(Map.of("scope", "  altinn:broker.read   altinn:broker.write ")))
                .containsExactlyInAnyOrder("altinn:broker.read", "altinn:broker.write");
    }

    @Test
    void onlySpacesSeparateScopes() {
        // RFC 6749 §3.3: scope tokens are separated by spaces; a tab is part of a (malformed) token, not a separator.
        assertThat(scopesOf(Map.of("scope", "a\tb c"))).containsExactlyInAnyOrder("a\tb", "c");
        // ... but white space around the whole claim is not part of its first or last scope.
        assertThat(scopesOf(Map.of("scope", "\ta b\n"))).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void altinnsScopeClaimAndListsAreReadToo() {
        assertThat(scopesOf(Map.of("scope", "a", "urn:altinn:scope", List.of("b", "c"))))
                .containsExactlyInAnyOrder("a", "b", "c");
        assertThat(scopesOf(Map.of("scope", "   ", "sub", "x"))).isEmpty();
    }
}

package no.formidler.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import no.formidler.testsupport.MaskinportenGrants;
import no.formidler.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Unregistered clients, accepted only while development tokens are on: their organisation comes from the grant. */
class MaskinportenGrantTest {
    private static final String AUD = "http://127.0.0.1/maskinporten/token";
    private static final TestIssuer STRANGER = TestIssuer.start("some-unregistered-client");
    private static final MaskinportenClients NONE = new MaskinportenClients(List.of(), Clock.systemUTC());
    /** Replays kept in memory here; MaskinportenTokenEndpointTest covers the PostgreSQL table. */
    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();
    private static final MaskinportenGrant.Replays REPLAYS = (client, jti, expires, now) -> SEEN.add(client + " " + jti);

    @AfterAll
    static void stop() {
        STRANGER.close();
    }

    private static MaskinportenGrant.Granted check(boolean devTokens, Consumer<JWTClaimsSet.Builder> claims) {
        return new MaskinportenGrant(NONE, devTokens, REPLAYS, Clock.systemUTC())
                .check(MaskinportenGrants.grant(STRANGER, AUD, "altinn:broker.read", claims), Set.of(AUD));
    }

    @Test
    void anUnregisteredClientActsForItsConsumerOrg() {
        var granted = check(true, c -> c.claim("consumer_org", "991825827"));
        assertThat(granted.claims().get("consumer")).isEqualTo(Map.of("authority", "iso6523-actorid-upis", "ID", "0192:991825827"));
        assertThat(granted.claims()).containsEntry("client_id", "some-unregistered-client").doesNotContainKey("supplier");
    }

    @Test
    void anUnregisteredSystemUserActsForItsSystemUserOrg() {
        var granted = check(true, c -> c.claim("authorization_details", MaskinportenGrants.systemUserDetails("986252932")));
        assertThat(granted.claims().get("authorization_details").toString()).contains("0192:986252932");
        var caller = TokenClaimsProbe.caller(granted);
        assertThat(caller.organization()).contains(new Organization("986252932"));
    }

    @Test
    void anUnregisteredClientWithoutAnOrganisationOrWithDevTokensOffIsRefused() {
        assertThatThrownBy(() -> check(true, c -> { })).isInstanceOf(MaskinportenGrant.Refused.class)
                .hasMessageContaining("consumer_org");
        assertThatThrownBy(() -> check(false, c -> c.claim("consumer_org", "991825827")))
                .isInstanceOf(MaskinportenGrant.Refused.class).hasMessageContaining("Unknown client");
    }

    @Test
    void aRegisteredClientWithoutScopesMayAskOnlyForTheBrokersReadAndWrite() {
        var unscoped = new MaskinportenClients(List.of(new MaskinportenSettings.Client(STRANGER.issuer(), "991825827", null,
                STRANGER.jwksUri(), List.of(), List.of())), Clock.systemUTC());
        var grant = new MaskinportenGrant(unscoped, false, REPLAYS, Clock.systemUTC());
        String both = "altinn:broker.read altinn:broker.write";
        assertThat(grant.check(MaskinportenGrants.grant(STRANGER, AUD, both, c -> { }), Set.of(AUD)).scope()).isEqualTo(both);
        for (String scope : List.of("altinn:broker.maintenance", "altinn:serviceowner", "altinn:broker.read altinn:serviceowner")) {
            assertThatThrownBy(() -> grant.check(MaskinportenGrants.grant(STRANGER, AUD, scope, c -> { }), Set.of(AUD)))
                    .as(scope).isInstanceOf(MaskinportenGrant.Refused.class).hasMessageContaining("is not granted");
        }
    }

    /** Reads a granted token's claims as the broker reads a caller. */
    private static final class TokenClaimsProbe {
        static Caller caller(MaskinportenGrant.Granted granted) {
            var jwt = org.springframework.security.oauth2.jwt.Jwt.withTokenValue("t").header("alg", "RS256")
                    .claims(c -> c.putAll(granted.claims())).claim("scope", granted.scope()).build();
            return TokenClaims.caller(jwt);
        }
    }
}

package no.formidler.client;

/**
 * Where the client gets its bearer token for each request. Implementations cache and refresh by themselves and are
 * safe to share between threads.
 */
@FunctionalInterface
public interface TokenProvider {
    /** A token valid for at least the next minute (or as long as the issuer allows). */
    String token();

    /** The same token every time: for tokens obtained elsewhere. */
    static TokenProvider fixed(String token) {
        return () -> token;
    }

    /**
     * Tokens from the standalone broker's development issuer ({@code /dev/tokens/enterprise}) for organisation
     * {@code orgNo} with the space-separated {@code scopes}; never for production.
     */
    static TokenProvider development(String brokerBaseUrl, String orgNo, String scopes) {
        return new DevelopmentTokens(brokerBaseUrl, orgNo, scopes);
    }

    /** Maskinporten's JWT-bearer grant, then Altinn's token exchange; see {@link MaskinportenTokens.Builder}. */
    static MaskinportenTokens.Builder maskinporten() {
        return new MaskinportenTokens.Builder();
    }
}

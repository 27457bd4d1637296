package no.formidler.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Saves a profile and proves it works by getting a token at once. */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Save a login profile: the broker's URL and how to get tokens.",
                "Development issuer: --dev-org ORGNO. Maskinporten: --org, --client-id, --key-file, --kid, "
                        + "--token-endpoint, --audience (and --exchange-url for Altinn's token exchange)."})
final class LoginCommand implements Callable<Integer> {
    @Mixin
    Session session;

    @Option(names = "--base-url", required = true, description = "The broker, e.g. http://localhost:8080.")
    String baseUrl;

    @Option(names = "--scopes", defaultValue = Profile.DEFAULT_SCOPES, description = "Scopes to ask for (default: ${DEFAULT-VALUE}).")
    String scopes;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Credentials credentials;

    static final class Credentials {
        @Option(names = "--dev-org", description = "Act as this organisation with the standalone broker's development issuer.")
        String devOrg;

        @ArgGroup(exclusive = false)
        Maskinporten maskinporten;

        @ArgGroup(exclusive = false)
        Fixed fixed;
    }

    static final class Maskinporten {
        @Option(names = "--org", required = true, description = "The organisation (9 digits) you send and receive for.")
        String org;

        @Option(names = "--client-id", required = true, description = "Your Maskinporten client id.")
        String clientId;

        @Option(names = "--key-file", required = true, description = "PEM file with the client's RSA private key (PKCS#8).")
        Path keyFile;

        @Option(names = "--kid", required = true, description = "The key id registered with Maskinporten.")
        String kid;

        @Option(names = "--token-endpoint", defaultValue = "https://test.maskinporten.no/token",
                description = "Maskinporten's token endpoint (default: ${DEFAULT-VALUE}).")
        String tokenEndpoint;

        @Option(names = "--audience", defaultValue = "https://test.maskinporten.no/",
                description = "Maskinporten's issuer, the grant's audience (default: ${DEFAULT-VALUE}).")
        String audience;

        @Option(names = "--exchange-url", description = "Altinn's token exchange; default: <base-url>/authentication/api/v1/exchange/maskinporten. "
                + "Give 'none' to use Maskinporten's token as it is.")
        String exchangeUrl;

        @Option(names = "--system-user-org", description = "Act for a system user of this organisation (adds authorization_details).")
        String systemUserOrg;
    }

    static final class Fixed {
        @Option(names = "--token-org", required = true, description = "The organisation the fixed token acts for.")
        String org;

        @Option(names = "--token", required = true, description = "A bearer token obtained elsewhere (not refreshed).")
        String token;
    }

    @Override
    public Integer call() {
        Profile profile = profile();
        profile.tokens().token(); // fails here (exit 3 or 4) rather than at the first send
        profile.save(session.configDir());
        session.out().result("Logged in: profile " + profile.name() + " acts for " + profile.org() + " at " + baseUrl
                + " (" + profile.auth() + ")", Map.of("profile", profile.name(), "org", profile.org(), "baseUrl", baseUrl,
                "auth", profile.auth()));
        return ExitCodes.OK;
    }

    private Profile profile() {
        String name = session.profileName;
        if (credentials.devOrg != null) {
            return new Profile(name, baseUrl, credentials.devOrg, "dev", scopes, null, null, null, null, null, null, null, null);
        }
        if (credentials.fixed != null) {
            return new Profile(name, baseUrl, credentials.fixed.org, "token", scopes, null, null, null, null, null, null, null,
                    credentials.fixed.token);
        }
        Maskinporten m = credentials.maskinporten;
        if (!java.nio.file.Files.isReadable(m.keyFile)) {
            throw new UsageException("The key file " + m.keyFile + " cannot be read");
        }
        String exchange = m.exchangeUrl == null ? baseUrl.replaceAll("/+$", "") + "/authentication/api/v1/exchange/maskinporten"
                : "none".equals(m.exchangeUrl) ? "" : m.exchangeUrl;
        return new Profile(name, baseUrl, m.systemUserOrg != null ? m.systemUserOrg : m.org, "maskinporten", scopes,
                m.clientId, m.keyFile.toAbsolutePath().toString(), m.kid, m.tokenEndpoint, m.audience, exchange,
                m.systemUserOrg, null);
    }
}

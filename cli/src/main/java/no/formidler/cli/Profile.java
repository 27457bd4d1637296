package no.formidler.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;
import no.formidler.client.BrokerClient;
import no.formidler.client.TokenProvider;

/**
 * One saved login: where the broker is, whom the user acts for, and how tokens are obtained (the development
 * issuer, Maskinporten, or a fixed token). Stored as {@code profiles/<name>.properties} in the config directory,
 * readable by the user only; it names the key file, never holds the key.
 */
record Profile(String name, String baseUrl, String org, String auth, String scopes, String clientId, String keyFile,
               String kid, String tokenEndpoint, String audience, String exchangeUrl, String systemUserOrg,
               String token) {
    static final String DEFAULT_SCOPES = "altinn:broker.write altinn:broker.read altinn:events.subscribe";

    BrokerClient client() {
        return BrokerClient.builder().baseUrl(baseUrl).tokens(tokens()).build();
    }

    TokenProvider tokens() {
        return switch (auth) {
            case "dev" -> TokenProvider.development(baseUrl, org, scopes);
            case "token" -> TokenProvider.fixed(token);
            case "maskinporten" -> {
                var builder = TokenProvider.maskinporten().tokenEndpoint(tokenEndpoint).audience(audience)
                        .clientId(clientId).keyFile(Path.of(keyFile)).kid(kid).scopes(scopes.split(" "));
                if (systemUserOrg != null) {
                    builder.systemUserOrg(systemUserOrg);
                }
                if (exchangeUrl != null && !exchangeUrl.isBlank()) {
                    builder.exchangeUrl(exchangeUrl);
                }
                yield builder.build();
            }
            default -> throw new IllegalStateException("Profile " + name + " has an unknown auth type " + auth);
        };
    }

    /** The organisation as the API names parties. */
    String party() {
        return "0192:" + org;
    }

    static Path file(Path configDir, String name) {
        return configDir.resolve("profiles").resolve(name + ".properties");
    }

    static Optional<Profile> load(Path configDir, String name) {
        Path file = file(configDir, name);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            p.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        return Optional.of(new Profile(name, p.getProperty("baseUrl"), p.getProperty("org"), p.getProperty("auth", "dev"),
                p.getProperty("scopes", DEFAULT_SCOPES), p.getProperty("clientId"), p.getProperty("keyFile"),
                p.getProperty("kid"), p.getProperty("tokenEndpoint"), p.getProperty("audience"),
                p.getProperty("exchangeUrl"), p.getProperty("systemUserOrg"), p.getProperty("token")));
    }

    void save(Path configDir) {
        Properties p = new Properties();
        put(p, "baseUrl", baseUrl);
        put(p, "org", org);
        put(p, "auth", auth);
        put(p, "scopes", scopes);
        put(p, "clientId", clientId);
        put(p, "keyFile", keyFile);
        put(p, "kid", kid);
        put(p, "tokenEndpoint", tokenEndpoint);
        put(p, "audience", audience);
        put(p, "exchangeUrl", exchangeUrl);
        put(p, "systemUserOrg", systemUserOrg);
        put(p, "token", token);
        Path file = file(configDir, name);
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the user's profile directory protects it
            }
            try (Writer writer = Files.newBufferedWriter(file)) {
                p.store(writer, "formidler login");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    private static void put(Properties p, String key, String value) {
        if (value != null) {
            p.setProperty(key, value);
        }
    }
}

package no.formidler.cli;

import java.nio.file.Path;
import no.formidler.client.BrokerClient;
import picocli.CommandLine.Option;

/**
 * The options every command shares (profile, config directory, output form) and what follows from them: the
 * profile, its client, where resumable state is kept, and how to print.
 */
final class Session {
    @Option(names = "--profile", defaultValue = "${env:FORMIDLER_PROFILE:-default}",
            description = "The login profile to use (default: ${DEFAULT-VALUE}).")
    String profileName;

    @Option(names = "--config-dir", defaultValue = "${env:FORMIDLER_CONFIG_DIR}",
            description = "Where profiles and resumable state are kept (default: $XDG_CONFIG_HOME/formidler or ~/.config/formidler).")
    Path configDir;

    @Option(names = "--json", description = "Print one JSON object a line instead of text, for scripts.")
    boolean json;

    private BrokerClient client;
    private Output output;

    Path configDir() {
        if (configDir != null) {
            return configDir;
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("formidler");
    }

    /** Resumable state: uploads, downloads' cursors; kept per profile so two logins never share it. */
    Path stateDir() {
        return configDir().resolve("state").resolve(profileName);
    }

    Profile profile() {
        return Profile.load(configDir(), profileName).orElseThrow(() -> new UsageException(
                "No profile '" + profileName + "': run `formidler login --profile " + profileName + " …` first."));
    }

    synchronized BrokerClient client() {
        if (client == null) {
            client = profile().client();
        }
        return client;
    }

    synchronized Output out() {
        if (output == null) {
            output = new Output(json, System.console() != null && !json);
        }
        return output;
    }
}

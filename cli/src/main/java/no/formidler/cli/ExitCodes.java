package no.formidler.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import no.formidler.client.BrokerProblemException;
import no.formidler.client.BrokerUnreachableException;
import no.formidler.client.VerificationFailedException;
import picocli.CommandLine;

/**
 * The documented exit codes: 0 ok, 1 anything unforeseen, 2 usage, 3 refused by the broker, 4 network,
 * 5 verification failed. Also prints the failure once, as text or JSON.
 */
final class ExitCodes implements CommandLine.IExecutionExceptionHandler {
    static final int OK = 0;
    static final int USAGE = 2;
    static final int REFUSED = 3;
    static final int NETWORK = 4;
    static final int VERIFICATION = 5;

    static int of(Throwable e) {
        if (e instanceof UsageException || e instanceof CommandLine.ParameterException) {
            return USAGE;
        }
        if (e instanceof BrokerProblemException) {
            return REFUSED;
        }
        if (e instanceof BrokerUnreachableException) {
            return NETWORK;
        }
        if (e instanceof VerificationFailedException) {
            return VERIFICATION;
        }
        return 1;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        boolean json = parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--json");
        new Output(json, false).error(e.getMessage() == null ? e.toString() : e.getMessage(), fields(e));
        return of(e);
    }

    static Map<String, Object> fields(Throwable e) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("error", e.getMessage());
        fields.put("exitCode", of(e));
        if (e instanceof BrokerProblemException p) {
            fields.put("status", p.status());
            fields.put("code", p.code());
            fields.put("detail", p.detail());
            fields.put("traceId", p.traceId());
        }
        return fields;
    }
}

package no.formidler.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code formidler} command. A new command is one class with {@code @Command}, a {@code @Mixin Session} and
 * {@code call()}, added to {@link #COMMANDS}; exit codes and error printing come from {@link ExitCodes}.
 */
@Command(name = "formidler", mixinStandardHelpOptions = true, version = "formidler 0.1.0",
        description = "Send and receive files through Formidler or Altinn 3 Broker.",
        subcommands = CommandLine.HelpCommand.class,
        footer = {"", "Exit codes: 0 ok, 2 usage, 3 refused by the broker, 4 network, 5 verification failed."})
public final class Formidler implements Runnable {
    static final List<Class<?>> COMMANDS = List.of(LoginCommand.class, SendCommand.class, InboxCommand.class,
            StatusCommand.class, ReceiveCommand.class, WatchCommand.class, SendFolderCommand.class,
            VerifyReceiptCommand.class, CancelCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new Formidler());
        COMMANDS.forEach(command -> line.addSubcommand(command));
        line.setExecutionExceptionHandler(new ExitCodes());
        return line;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}

package com.alvh.research.cli;

import java.io.PrintWriter;


import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The strategist's command line. Every subcommand has {@code --help}. A typo, an unknown option or a bad date is
 * one line on stderr and exit code 2 (picocli's usage code); a bad input file (a bad row, a missing file, an
 * unknown profile) is one line naming the problem, also exit code 2; never a stack trace.
 */
@Command(name = "alvh", mixinStandardHelpOptions = true, versionProvider = AlvhCli.Version.class,
        description = "ALVH command line. Without arguments the jar starts the service instead.",
        subcommands = {
            BacktestCli.class,
            SweepCli.class,
            SweepMergeCli.class,
            BenchCli.class,
            com.alvh.cli.UsersCli.class,
            com.alvh.cli.ScenariosCli.class,
            CommandLine.HelpCommand.class
        })
public final class AlvhCli implements Runnable {

    /** Exit code of a usage or input error. */
    public static final int USAGE = CommandLine.ExitCode.USAGE;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand; try 'alvh --help'");
    }

    /** Runs the command line and returns the exit code (the caller decides whether to exit the JVM). */
    public static int run(String... args) {
        quietLibraries();
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
    }

    /**
     * Without the service Quarkus never applies its log configuration, so every logger stays at its most verbose
     * level and Drools formats a trace message (facts' toString included) for each node it evaluates; its delayed
     * handler then keeps them all. A backtest spent more time there than in the rules. Warnings and errors only.
     */
    static void quietLibraries() {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new AlvhCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, args) -> {
            String command = e.getCommandLine().getCommandName();
            String hint = e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()
                    ? " (did you mean " + String.join(" or ", u.getSuggestions()) + "?)" : "";
            e.getCommandLine().getErr().println(command + ": " + oneLine(e.getMessage()) + hint + "; try '"
                    + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println(commandLine.getCommandName() + ": " + oneLine(describe(e)));
            return isInputError(e) ? USAGE : CommandLine.ExitCode.SOFTWARE;
        });
        return cli;
    }

    /** Errors the user can fix in the input, as opposed to a fault of the program. */
    private static boolean isInputError(Throwable e) {
        return e instanceof IllegalArgumentException || e instanceof java.io.IOException
                || e instanceof java.io.UncheckedIOException || e instanceof java.time.DateTimeException;
    }

    private static String describe(Throwable e) {
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return "no such file: " + n.getFile();
        }
        if (e instanceof java.io.UncheckedIOException u && u.getCause() instanceof java.nio.file.NoSuchFileException n) {
            return "no such file: " + n.getFile();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** The version of the jar, from its manifest when packaged. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = AlvhCli.class.getPackage().getImplementationVersion();
            return new String[] {"alvh " + (v == null ? "(development build)" : v)};
        }
    }
}

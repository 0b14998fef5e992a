package com.alvh;

import java.util.Arrays;

import com.alvh.backtest.BacktestCommand;
import com.alvh.identity.UsersCommand;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point of the packaged jar: {@code java -jar quarkus-run.jar} serves the API;
 * {@code java -jar quarkus-run.jar backtest --profile ...} runs a backtest from the command line without starting
 * the service (no port, no database), so it can run beside a live instance; so does
 * {@code java -jar quarkus-run.jar users add|list|remove ...} on the user store of the data dir.
 */
@QuarkusMain
public final class AlvhMain {

    private AlvhMain() {
    }

    public static void main(String... args) throws Exception {
        if (args.length > 0 && args[0].equals("backtest")) {
            try {
                BacktestCommand.main(Arrays.copyOfRange(args, 1, args.length));
            } catch (IllegalArgumentException | java.io.IOException | java.io.UncheckedIOException e) {
                // A strategist's mistake (a missing option, a bad row): say what and where, without a stack trace.
                System.err.println("backtest: " + e.getMessage());
                System.exit(2);
            }
            return;
        }
        if (args.length > 0 && args[0].equals("users")) {
            System.exit(UsersCommand.run(Arrays.asList(args).subList(1, args.length), UsersCommand.dataDir(), System.in,
                    System.out, System.err));
        }
        Quarkus.run(args);
    }
}

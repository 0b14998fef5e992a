package com.alvh;

import com.alvh.research.cli.AlvhCli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point of the packaged jar: {@code java -jar quarkus-run.jar} with no argument serves the API; with any
 * argument it is the strategist's command line ({@link AlvhCli}: {@code backtest}, {@code --help}, ...), which
 * never starts the service (no port, no database), so it can run beside a live instance, and a typo is an error,
 * not a server start.
 */
@QuarkusMain
public final class AlvhMain {

    private AlvhMain() {
    }

    public static void main(String... args) {
        if (args.length == 0) {
            Quarkus.run(args);
            return;
        }
        System.exit(AlvhCli.run(args));
    }
}

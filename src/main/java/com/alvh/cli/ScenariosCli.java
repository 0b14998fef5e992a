package com.alvh.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.alvh.lifecycle.ScenariosCommand;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code scenarios}: runs the scenario suite of a rules directory; the work is {@link ScenariosCommand}'s. */
@Command(name = "scenarios", mixinStandardHelpOptions = true,
        description = {"Run every scenario in <rules-dir>/scenarios against the rules and profiles on disk and report",
            "each scenario and the rule coverage. Exit 0: all pass; 1: one fails; 2: usage or compile error.",
            "  scenarios [--rules-dir DIR] [--strategies-dir DIR] [--json]"})
public final class ScenariosCli implements Callable<Integer> {

    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        return ScenariosCommand.main(System.out, args.toArray(String[]::new));
    }
}

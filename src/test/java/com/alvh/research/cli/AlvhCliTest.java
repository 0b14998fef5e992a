package com.alvh.research.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class AlvhCliTest {

    private record Outcome(int exit, String out, String err) {
        long errLines() {
            return err.lines().filter(l -> !l.isBlank()).count();
        }
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = AlvhCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Outcome(exit, out.toString(), err.toString());
    }

    private static final String[] DATA = {"--spx", "../shared/data/spx-daily.csv", "--vix", "../shared/data/vix-daily.csv"};

    @Test
    void aBacktestKeepsItsCompiledRulesForTheNextRun(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws java.io.IOException {
        java.nio.file.Path cache = tmp.resolve("rule-cache");
        // a rule set no other test compiled: this JVM has not kept it in memory, so the compile reaches the disk
        java.nio.file.Path rules = tmp.resolve("rules");
        com.alvh.testing.TestDirs.copyTree(java.nio.file.Path.of("rules"), rules);
        java.nio.file.Files.writeString(rules.resolve("sizing.drl"), "\n// " + java.util.UUID.randomUUID() + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        Outcome first = run(concat(DATA, "backtest", "--from", "2019-01-02", "--to", "2019-02-01", "--quiet",
                "--out", tmp.resolve("out").toString(), "--rule-cache", cache.toString(), "--rules", rules.toString()));
        assertEquals(0, first.exit(), first.err());
        try (var entries = java.nio.file.Files.list(cache)) {
            assertEquals(1, entries.filter(p -> p.toString().endsWith(".classes")).count());
        }
        Outcome without = run(concat(DATA, "backtest", "--from", "2019-01-02", "--to", "2019-02-01", "--quiet",
                "--out", tmp.resolve("out2").toString(), "--rule-cache", tmp.resolve("unused").toString(), "--no-rule-cache"));
        assertEquals(0, without.exit(), without.err());
        assertTrue(java.nio.file.Files.notExists(tmp.resolve("unused")));
    }

    @Test
    void everyCommandHasHelp() {
        Outcome top = run("--help");
        assertEquals(0, top.exit());
        assertTrue(top.out().contains("backtest"), top.out());
        Outcome backtest = run("backtest", "--help");
        assertEquals(0, backtest.exit());
        for (String option : new String[] {"--vx-curve", "--events", "--from", "--to", "--profile", "--out"}) {
            assertTrue(backtest.out().contains(option), option + " in " + backtest.out());
        }
        assertEquals(0, run("help", "backtest").exit());
    }

    @Test
    void aTypoIsOneLineAndExitCodeTwo() {
        Outcome typo = run("backtst");
        assertEquals(2, typo.exit());
        assertEquals(1, typo.errLines(), typo.err());
        assertTrue(typo.err().contains("did you mean backtest"), typo.err());
        Outcome option = run("backtest", "--form", "2020-01-01");
        assertEquals(2, option.exit());
        assertEquals(1, option.errLines(), option.err());
    }

    @Test
    void aBadDateIsOneLineAndExitCodeTwo() {
        Outcome bad = run(concat(DATA, "backtest", "--from", "2020-13-01", "--to", "2021-01-01", "--out", "target/x"));
        assertEquals(2, bad.exit());
        assertEquals(1, bad.errLines(), bad.err());
        assertTrue(bad.err().contains("--from") && bad.err().contains("2020-13-01"), bad.err());
        assertTrue(!bad.err().contains("\tat "), "no stack trace");
    }

    @Test
    void aMissingFileOrBackwardDatesAreOneLineAndExitCodeTwo() {
        Outcome missing = run("backtest", "--spx", "nope.csv", "--vix", "nope.csv", "--from", "2020-01-01",
                "--to", "2021-01-01", "--out", "target/x", "--quiet");
        assertEquals(2, missing.exit());
        assertEquals(1, missing.errLines(), missing.err());
        Outcome backwards = run(concat(DATA, "backtest", "--from", "2021-01-01", "--to", "2020-01-01", "--out", "target/x"));
        assertEquals(2, backwards.exit());
        assertTrue(backwards.err().contains("must be before"), backwards.err());
    }

    @Test
    void theProgressLineShowsTheShareDoneAndTheTimeLeft() {
        ConsoleProgress progress = new ConsoleProgress("backtest", System.err, false);
        // A quarter done after 10 s: 30 s left.
        String line = progress.line(250, 1000, "2010-01-04", 10_000_000_000L);
        assertTrue(line.contains(" 25% 250/1000 elapsed 0:10 left 0:30 2010-01-04"), line);
    }

    private static String[] concat(String[] data, String command, String... more) {
        String[] all = new String[1 + data.length + more.length];
        all[0] = command;
        System.arraycopy(data, 0, all, 1, data.length);
        System.arraycopy(more, 0, all, 1 + data.length, more.length);
        return all;
    }
}

package com.alvh.lifecycle;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.alvh.engine.RuleSetCompiler;
import com.alvh.engine.SourceFiles;
import com.alvh.strategy.ProfileCatalog;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * {@code java -jar quarkus-run.jar scenarios [--rules-dir rules] [--strategies-dir strategies] [--json]}: runs every
 * scenario of the rules directory against the rule files there (not against a running service) and prints each
 * result and the rule coverage. Exit code 0 when all pass, 1 when one fails, 2 on a usage or compile error.
 */
public final class ScenariosCommand {

    private static final Set<String> OPTIONS = Set.of("rules-dir", "strategies-dir", "json");
    private static final int FIRING_LIMIT = 10_000;

    private ScenariosCommand() {
    }

    public static int main(PrintStream out, String... args) throws IOException {
        Map<String, String> opt = options(args);
        Path rulesDir = Path.of(opt.getOrDefault("rules-dir", "rules"));
        Path strategiesDir = Path.of(opt.getOrDefault("strategies-dir", "strategies"));
        ScenarioSuite.Report report = run(rulesDir, strategiesDir);
        if (opt.containsKey("json")) {
            out.println(mapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        } else {
            print(report, out);
        }
        return report.failed() == 0 ? 0 : 1;
    }

    /** The report for the rule files and profiles of two directories. */
    public static ScenarioSuite.Report run(Path rulesDir, Path strategiesDir) throws IOException {
        RuleSetCompiler.Result compiled = new RuleSetCompiler(ScenariosCommand.class.getClassLoader(), Clock.systemUTC())
                .compile(SourceFiles.drl(rulesDir));
        if (!compiled.valid()) {
            throw new IllegalArgumentException("the rules in " + rulesDir + " do not compile: " + compiled.errors());
        }
        ProfileCatalog profiles = ProfileCatalog.load(strategiesDir, ProfileCatalog.empty());
        return new ScenarioSuite(rulesDir, mapper(), FIRING_LIMIT).run(compiled.ruleSet(), profiles::find);
    }

    /** A plain-text report, one block per scenario, then the coverage. */
    public static void print(ScenarioSuite.Report report, PrintStream out) {
        out.printf("Scenarios against rule set %s%n%n", report.ruleSetVersion());
        for (ScenarioSuite.Result r : report.scenarios()) {
            String status = r.skipped() ? "SKIP" : r.passed() ? "PASS" : "FAIL";
            out.printf("%s  %s%s%n", status, r.scenario(), r.description() == null ? "" : "  " + r.description());
            if (r.skipped()) {
                out.printf("      profile %s is not loaded here%n", r.profile());
                continue;
            }
            out.printf("      expected actions %s, got %s%n", r.expectedActions(), r.actualActions());
            if (r.expectedSignals() != null && !r.expectedSignals().isEmpty()) {
                out.printf("      expected signals %s, active %s%n", r.expectedSignals(), r.activeSignals());
            }
            out.printf("      rules fired: %s%n", r.rulesFired());
            if (!r.passed()) {
                out.printf("      %s:%d %s%n", r.scenario(), r.line(), ScenarioGate.describe(r));
            }
        }
        var c = report.coverage();
        out.printf("%n%d scenario(s): %d passed, %d failed, %d skipped%n", report.total(), report.passed(), report.failed(),
                report.skipped());
        out.printf("Rule coverage: %d of %d rules fired at least once (%.1f%%)%n", c.rulesFired(), c.rulesTotal(), c.percent());
        if (!c.neverFired().isEmpty()) {
            out.println("Never fired:");
            c.neverFired().forEach(r -> out.println("  - " + r));
        }
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().findAndRegisterModules()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    private static Map<String, String> options(String... args) {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || !OPTIONS.contains(args[i].substring(2))) {
                throw new IllegalArgumentException("unknown option '" + args[i] + "'; known: --rules-dir DIR, --strategies-dir DIR, --json");
            }
            String name = args[i].substring(2);
            if (name.equals("json")) {
                opt.put(name, "true");
            } else if (i + 1 < args.length) {
                opt.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        return opt;
    }
}

package com.alvh.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.alvh.testing.ShippedRules;

/** The scenario suite behind the gate, the endpoint and the CLI: results, failure wording and coverage. */
class ScenarioSuiteTest {

    @Test
    void theShippedScenariosPassAndCoverageCountsEveryRule() throws IOException {
        ScenarioSuite.Report report = ScenariosCommand.run(Path.of("rules"), Path.of("strategies"));
        assertEquals(12, report.total());
        assertEquals(12, report.passed(), report.toString());
        var c = report.coverage();
        assertEquals(ShippedRules.RULES.rules().size(), c.rulesTotal());
        assertEquals(c.rulesTotal() - c.neverFired().size(), c.rulesFired());
        assertEquals(Math.round(1000.0 * c.rulesFired() / c.rulesTotal()) / 10.0, c.percent());
        assertTrue(report.scenarios().get(0).rulesFired().size() > 0);
        assertFalse(c.neverFired().contains("The market is calm"), "calm-two-layers fires it");
    }

    @Test
    void aFailureNamesTheScenarioTheExpectationWhatCameInsteadAndTheRuleWithItsLine(@TempDir Path tmp) throws IOException {
        Path rules = copyOfShippedRules(tmp);
        Path scenario = rules.resolve("scenarios/put-cushion-fire.json");
        String text = Files.readString(scenario);
        Files.writeString(scenario, text.replaceFirst("\"expectActions\"\\s*:\\s*\\[[^\\]]*\\]", "\"expectActions\": [\"HOLD\"]"));

        ScenarioSuite.Report report = ScenariosCommand.run(rules, Path.of("strategies"));
        ScenarioSuite.Result failed = report.scenarios().stream().filter(r -> !r.passed()).findFirst().orElseThrow();
        assertEquals(1, report.failed());
        String message = ScenarioGate.describe(failed);
        assertTrue(message.contains("scenarios/put-cushion-fire.json"), message);
        assertTrue(message.contains("expected actions [HOLD] but got [ADD_LAYER]"), message);
        assertTrue(message.contains("rule 'Add a tranche when SPX nears a break-even' at layering.drl:"), message);
        int ruleLine = Files.readAllLines(rules.resolve("layering.drl")).indexOf("rule \"Add a tranche when SPX nears a break-even\"") + 1;
        assertTrue(message.endsWith("layering.drl:" + ruleLine), message);
        int expectLine = lineContaining(Files.readAllLines(scenario), "\"expectActions\"");
        assertEquals(expectLine, failed.line());
        assertTrue(failed.line() > 1);
    }

    @Test
    void theCommandPrintsEachScenarioAndTheCoverage() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = ScenariosCommand.main(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, out);
        assertTrue(out.contains("PASS  scenarios/cpi-next-day.json"), out);
        assertTrue(out.contains("rules fired: ["), out);
        assertTrue(out.matches("(?s).*Rule coverage: \\d+ of \\d+ rules fired at least once \\(\\d+\\.\\d%\\).*"), out);
        assertTrue(out.contains("Never fired:"), out);
    }

    @Test
    void theNewRuleTemplateCompilesWithTheShippedRulesAndIsNeverLoaded() throws IOException {
        var files = new java.util.HashMap<>(com.alvh.engine.SourceFiles.drl(Path.of("rules")));
        assertFalse(files.keySet().stream().anyMatch(f -> f.contains("TEMPLATE")), files.keySet().toString());
        files.put("template.drl", Files.readString(Path.of("rules", "TEMPLATE.drl.example")));
        var result = new com.alvh.engine.RuleSetCompiler(getClass().getClassLoader(), java.time.Clock.systemUTC()).compile(files);
        assertTrue(result.valid(), result.errors().toString());
    }

    private static Path copyOfShippedRules(Path tmp) throws IOException {
        Path rules = tmp.resolve("rules");
        Files.createDirectories(rules.resolve("scenarios"));
        for (Path p : List.of(Path.of("rules"), Path.of("rules/scenarios"))) {
            try (var files = Files.list(p)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(f, rules.resolve(Path.of("rules").relativize(f)));
                }
            }
        }
        return rules;
    }

    private static int lineContaining(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        return -1;
    }
}

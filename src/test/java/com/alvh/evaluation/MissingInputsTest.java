package com.alvh.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.alvh.engine.CompiledRuleSet;
import com.alvh.engine.RuleSetCompiler;
import com.alvh.engine.SourceFiles;
import com.alvh.evaluation.answer.EvaluationAnswer;
import com.alvh.evaluation.answer.SignalView;
import com.alvh.evaluation.request.EvaluationRequest;
import com.alvh.evaluation.request.IndicatorsInput;
import com.alvh.evaluation.request.MarketInput;
import com.alvh.strategy.Profile;
import com.alvh.strategy.ProfileCatalog;
import com.alvh.strategy.ProfileParser;
import com.alvh.strategy.ProfileSchema;
import com.alvh.testing.ShippedRules;

/** api.md: an input neither given nor derivable makes its signals unavailable and its rules silent; 422 only if required. */
class MissingInputsTest {

    /** Fires on a missing breadth if nothing stopped it: Drools sees {@code null != true}. */
    private static final String NOT_AT_HIGH = """
            package alvh.rules;
            import com.alvh.market.Indicators;
            import com.alvh.hedge.Signal;
            rule "SPX is not at its high"
            when
                Indicators(spxAtHigh != true)
            then
                insert(new Signal("NOT_AT_HIGH", 0.0, 0.0, "SPX is not at its high"));
            end
            """;

    @Test
    void missingBreadthMakesItsSignalUnavailableWithTheInputNamed() {
        EvaluationAnswer answer = run(withIndicators(new IndicatorsInput(38.2, 71.5,
                new IndicatorsInput.MacdInput(-21.4, -8.9, null, "BEARISH"), null)), ShippedRules.BALANCED.profile(),
                ShippedRules.RULES);

        SignalView breadth = signal(answer, "BREADTH_DIVERGENCE");
        assertFalse(breadth.active());
        assertFalse(breadth.available());
        assertEquals(null, breadth.value());
        assertTrue(breadth.text().contains("breadth") && breadth.text().contains("market.series.advances"), breadth.text());
        assertTrue(signal(answer, "COMPLACENCY").available());
        assertTrue(signal(answer, "MOMENTUM_ROLLOVER").active(), "a bearish crossover still fires");
        assertFalse(answer.firings().stream().anyMatch(f -> f.rule().startsWith("Breadth")));
    }

    @Test
    void noIndicatorsAndNoSeriesLeaveEveryIndicatorSignalUnavailableAndStillDecide() {
        EvaluationAnswer answer = run(withIndicators(null), ShippedRules.BALANCED.profile(), ShippedRules.RULES);
        for (String name : List.of("BREADTH_DIVERGENCE", "COMPLACENCY", "MOMENTUM_ROLLOVER", "TERM_STRUCTURE_STEEPENING")) {
            assertFalse(signal(answer, name).available(), name);
        }
        assertTrue(signal(answer, "COMPLACENCY").text().contains("spxRsi14")
                && signal(answer, "COMPLACENCY").text().contains("vixRsi14"), signal(answer, "COMPLACENCY").text());
        assertTrue(signal(answer, "TERM_STRUCTURE_STEEPENING").text().contains("market.previousSlope"));
        assertTrue(signal(answer, "EVENT_WINDOW").available());
        assertFalse(answer.decision().actions().isEmpty());
    }

    @Test
    void aRuleReferringToAMissingInputCannotFireEvenWhenItsConstraintWouldHoldOnNull() throws Exception {
        Map<String, String> files = new HashMap<>(SourceFiles.drl(Path.of("rules")));
        files.put("extra.drl", NOT_AT_HIGH);
        CompiledRuleSet rules = new RuleSetCompiler(getClass().getClassLoader(), Clock.systemUTC()).compile(files).ruleSet();
        Profile balanced = ShippedRules.BALANCED.profile();

        EvaluationAnswer without = run(withIndicators(new IndicatorsInput(50.0, 50.0, null, null)), balanced, rules);
        assertFalse(without.firings().stream().anyMatch(f -> f.rule().equals("SPX is not at its high")), without.firings().toString());

        EvaluationAnswer with = run(withIndicators(new IndicatorsInput(50.0, 50.0, null,
                new IndicatorsInput.BreadthInput(false, 0.0))), balanced, rules);
        assertTrue(with.firings().stream().anyMatch(f -> f.rule().equals("SPX is not at its high")));
    }

    @Test
    void aProfileRequiringBreadthRefusesARequestWithoutItNamingTheInput() throws Exception {
        String yaml = "requiredInputs: [breadth, previousSlope]\n" + Files.readString(Path.of("strategies", "balanced.yaml"));
        Profile strict = ProfileParser.parse("strict", "strict.yaml", yaml);
        assertEquals(List.of("breadth", "previousSlope"), strict.requiredInputs());

        var e = assertThrows(InvalidRequestException.class,
                () -> run(withIndicators(new IndicatorsInput(50.0, 50.0, null, null)), strict, ShippedRules.RULES));
        List<String> fields = e.violations().stream().map(Violation::field).toList();
        assertEquals(List.of("market.indicators.breadth", "market.previousSlope"), fields);
        assertTrue(e.violations().get(0).message().contains("requiredInputs"), e.violations().toString());
    }

    @Test
    void shippedProfilesRequireNothing() {
        for (ProfileCatalog.LoadedProfile p : ShippedRules.PROFILES.all()) {
            assertEquals(List.of(), p.profile().requiredInputs(), p.profile().name());
        }
    }

    @Test
    void theProfileSchemaAndTheEvaluationKnowTheSameInputs() {
        assertEquals(Set.copyOf(ProfileSchema.OPTIONAL_INPUTS), MissingInputs.names());
    }

    @Test
    void withoutSpxAtOpenTheCushionSignalsAreUnavailableAndWithItProximityIsMeasuredFromThere() {
        // The sample condor: put short 5000, SPX 5346.56. Without spxAtOpen neither signal can be judged.
        EvaluationRequest without = SampleRequest.create("balanced");
        EvaluationAnswer answer = run(without, ShippedRules.BALANCED.profile(), ShippedRules.RULES);
        for (String name : List.of("BREAKEVEN_PROXIMITY", "STRESS_PASSED")) {
            assertFalse(signal(answer, name).available(), name);
            assertTrue(signal(answer, name).text().contains("condor.spxAtOpen"), signal(answer, name).text());
        }
        // Opened at 5400: (5400 − 5346.56) / (5400 − 5000) = 13.36% of the room used, under the 75% threshold.
        var c = without.condor();
        var opened = new com.alvh.evaluation.request.CondorInput(c.id(), c.expiry(), c.contracts(), c.putLong(), c.putShort(),
                c.callShort(), c.callLong(), c.credit(), c.greeks(), c.impliedVols(), c.rebalancingCosts(), 5400.0);
        SignalView proximity = signal(run(new EvaluationRequest(without.profile(), without.asOf(), without.market(), opened,
                without.hedge(), null), ShippedRules.BALANCED.profile(), ShippedRules.RULES), "BREAKEVEN_PROXIMITY");
        assertTrue(proximity.available());
        assertFalse(proximity.active());
        assertEquals((5400 - 5346.56) / 400 * 100, proximity.value(), 1e-3);
        assertEquals(75.0, proximity.threshold());
    }

    @Test
    void aProfileWithoutTheShippedRulesParametersIsEvaluatedWithThoseRulesQuiet() throws Exception {
        // A strategist's own profile written before the reworked rules: no parameters: section at all.
        String balanced = Files.readString(Path.of("strategies", "balanced.yaml"));
        Profile older = ProfileParser.parse("older", "older.yaml", balanced.substring(0, balanced.indexOf("\nparameters:") + 1));
        assertTrue(older.parameters().isEmpty(), "the section is gone: " + older.parameters());
        // With spxAtOpen the cushion rules match a StrikeCushion; unguarded, reading the undeclared threshold would fail
        // the evaluation ("declares no parameter"). Guarded, they stay quiet and the signal says why.
        EvaluationRequest sample = SampleRequest.create("balanced");
        var c = sample.condor();
        var opened = new com.alvh.evaluation.request.CondorInput(c.id(), c.expiry(), c.contracts(), c.putLong(), c.putShort(),
                c.callShort(), c.callLong(), c.credit(), c.greeks(), c.impliedVols(), c.rebalancingCosts(), 5350.0);
        EvaluationAnswer answer = run(new EvaluationRequest(sample.profile(), sample.asOf(), sample.market(), opened,
                sample.hedge(), null), older, ShippedRules.RULES);
        SignalView proximity = signal(answer, "BREAKEVEN_PROXIMITY");
        assertFalse(proximity.active(), "no threshold declared, no proximity signal");
        assertTrue(proximity.text().contains("not set in the profile"), proximity.text());
    }

    private static EvaluationAnswer run(EvaluationRequest request, Profile profile, CompiledRuleSet rules) {
        return Evaluator.run("test", request, new ProfileCatalog.LoadedProfile(profile, profile.name() + ".yaml", ""), rules,
                false, 10_000).answer();
    }

    private static SignalView signal(EvaluationAnswer answer, String name) {
        return answer.signals().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static EvaluationRequest withIndicators(IndicatorsInput indicators) {
        EvaluationRequest sample = SampleRequest.create("balanced");
        MarketInput m = sample.market();
        MarketInput market = new MarketInput(m.spx(), m.vix(), m.vix3m(), m.vixFutures(), null, indicators, null,
                m.events(), m.metrics());
        return new EvaluationRequest(sample.profile(), sample.asOf(), market, sample.condor(), sample.hedge(), null);
    }
}

package com.alvh.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.alvh.condor.CondorPosition;
import com.alvh.condor.CondorRisk;
import com.alvh.condor.StrikeCushion;
import com.alvh.engine.CompiledRuleSet;
import com.alvh.engine.RuleOutcome;
import com.alvh.engine.RuleSessionRunner;
import com.alvh.hedge.HedgeBook;
import com.alvh.hedge.Layer;
import com.alvh.market.Indicators;
import com.alvh.market.MarketSnapshot;
import com.alvh.market.calendar.UpcomingEvent;
import com.alvh.market.curve.TermStructure;
import com.alvh.strategy.Profile;
import com.alvh.strategy.ProfileParser;
import com.alvh.testing.ShippedRules;

/**
 * Builds the facts of one rule scenario, starting from a quiet market (no signal active) so each test
 * changes only what its rule looks at, and runs the shipped rules against them.
 */
final class RuleFixture {

    static final LocalDate AS_OF = LocalDate.of(2024, 8, 2);

    Profile profile = profile("balanced");

    /**
     * The rule tests' keys beside the shipped file: balanced with quarter tranches, the FOMC/CPI/PPI calendar, a 3-day
     * cooldown and a 40% carry budget (the seed's values), so the
     * event rules have something to watch and the hand-worked tranche sizes stay those of a 0.25 increment. The shipped
     * balanced defaults (chosen by the backtest, docs/backtest.md) are tested by the scenarios in rules/scenarios.
     */
    private static final java.util.Map<String, String> RULE_TEST_KEYS = java.util.Map.of(
            "trancheIncrement", "0.25", "eventTypes", "[FOMC, CPI, PPI]", "cooldownDays", "3", "carryBudgetPctOfCredit", "40");
    MarketSnapshot market = new MarketSnapshot(AS_OF, 5346.56, 18.0);
    Indicators indicators = new Indicators(55.0, 50.0, 5.0, 4.0, 1.0, "NONE", false, 0.0);
    TermStructure curve = new TermStructure(1.03, 1.2, 0.4, false, 0.0, 18.5, null);
    CondorRisk risk = new CondorRisk(49, 4994.90, 5705.10, 94_900, 6.57, 6.71, 2.5, 2.6, -420, -300, 0, 0);
    CondorPosition position = new CondorPosition("IC-0920", LocalDate.of(2024, 9, 20), 10, 5100, 5.0);
    HedgeBook book = new HedgeBook(0.0, 0, HedgeBook.NEVER, HedgeBook.NEVER, 0, 0, 0);
    /** SPX has used 45% of the put strike's room: past any "stress has passed" level, short of "near". */
    StrikeCushion cushion = new StrikeCushion(5450.0, 45.0, -20.0);
    List<Layer> layers = new ArrayList<>();
    List<UpcomingEvent> events = new ArrayList<>();
    /** Conclusions handed in as if a rule had drawn them, to reach a guard no shipped signal leads to. */
    List<Object> given = new ArrayList<>();

    static CompiledRuleSet shippedRules() {
        return ShippedRules.RULES;
    }

    static Profile profile(String name) {
        return name.equals("balanced") ? profileWith(name, java.util.Map.of()) : ShippedRules.profile(name).profile();
    }

    /** A shipped profile with one YAML key changed, parsed and validated like the real file. */
    static Profile profileWith(String name, String key, String value) {
        return profileWith(name, java.util.Map.of(key, value));
    }

    private static Profile profileWith(String name, java.util.Map<String, String> keys) {
        try {
            String file = name + ".yaml";
            String yaml = Files.readString(Path.of("strategies", file));
            java.util.Map<String, String> all = new java.util.TreeMap<>(name.equals("balanced") ? RULE_TEST_KEYS : java.util.Map.of());
            all.putAll(keys);
            for (var e : all.entrySet()) {
                var key = java.util.regex.Pattern.compile("(?m)^(\\s*" + e.getKey() + ":)[^#\\n]*").matcher(yaml);
                if (!key.find()) {
                    throw new IllegalArgumentException("no key " + e.getKey() + " in " + file);
                }
                yaml = key.replaceFirst("$1 " + java.util.regex.Matcher.quoteReplacement(e.getValue()) + " ");
            }
            return ProfileParser.parse(name, file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RuleFixture layer(int tranche, LocalDate expiry, LocalDate openedAt, int daysToExpiry) {
        layers.add(new Layer(tranche, "VX", expiry, 1, 16.0, openedAt, daysToExpiry, 1, 17.0, 1000.0));
        book = new HedgeBook(layers.size() * profile.trancheIncrement(), layers.size(),
                (int) (AS_OF.toEpochDay() - openedAt.toEpochDay()), HedgeBook.NEVER, 0, 0, 0);
        return this;
    }

    // One method per signal: each changes only the fact (and the field) that signal's rule looks at, to a value
    // comfortably past the balanced threshold, so scenarios read as the list of signals they raise.

    RuleFixture breadthDiverges() {
        Indicators i = indicators;
        indicators = new Indicators(i.spxRsi14(), i.vixRsi14(), i.macd(), i.macdSignal(), i.macdHistogram(),
                i.crossover(), true, 2.5);
        return this;
    }

    RuleFixture curveSteepens() {
        TermStructure t = curve;
        curve = new TermStructure(t.contangoRatio(), t.frontBasis(), t.slope(), t.inverted(), 0.6,
                t.constantMaturity30(), t.vixToVix3m());
        return this;
    }

    RuleFixture curveInBackwardation() {
        TermStructure t = curve;
        curve = new TermStructure(0.96, t.frontBasis(), t.slope(), true, t.slopeChange(), t.constantMaturity30(),
                t.vixToVix3m());
        return this;
    }

    RuleFixture momentumRollsOver() {
        Indicators i = indicators;
        indicators = new Indicators(i.spxRsi14(), i.vixRsi14(), -1.0, 0.5, -1.5, "BEARISH", i.spxAtHigh(),
                i.adLineBelowHighPct());
        return this;
    }

    RuleFixture nearPutBreakEven() {
        return putCushionUsed(95.0);
    }

    /** SPX has used {@code pct} % of the room between where the strikes were opened and the put short strike. */
    RuleFixture putCushionUsed(double pct) {
        cushion = new StrikeCushion(cushion.spxAtOpen(), pct, cushion.callCushionUsedPct());
        return this;
    }

    RuleFixture gammaStressed() {
        CondorPosition c = position;
        position = new CondorPosition(c.id(), c.expiry(), c.contracts(), c.creditDollars(), 65.0);
        return this;
    }

    RuleFixture costsDrag() {
        CondorRisk r = risk;
        risk = new CondorRisk(r.daysToExpiry(), r.breakEvenLower(), r.breakEvenUpper(), r.maxLoss(),
                r.distanceToLowerPct(), r.distanceToUpperPct(), r.distanceToLowerSigma(), r.distanceToUpperSigma(),
                r.dollarVega(), r.dollarGamma(), 1530, 30.0);
        return this;
    }

    RuleFixture eventInTradingDays(int days) {
        events.add(new UpcomingEvent("CPI", AS_OF.plusDays(days + 2L), days));
        return this;
    }

    RuleFixture calmMarket() {
        market = new MarketSnapshot(AS_OF, market.spx(), 13.0);
        TermStructure t = curve;
        curve = new TermStructure(1.08, t.frontBasis(), t.slope(), t.inverted(), t.slopeChange(),
                t.constantMaturity30(), t.vixToVix3m());
        return this;
    }

    RuleOutcome run() {
        List<Object> facts = new ArrayList<>(List.of(profile, market, indicators, curve, risk, position, book, cushion));
        facts.addAll(layers);
        facts.addAll(events);
        facts.addAll(given);
        return RuleSessionRunner.run(shippedRules(), facts, 10_000);
    }
}

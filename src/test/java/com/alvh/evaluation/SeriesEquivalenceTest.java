package com.alvh.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.alvh.engine.CompiledRuleSet;
import com.alvh.evaluation.answer.EvaluationAnswer;
import com.alvh.evaluation.answer.SignalView;
import com.alvh.evaluation.request.EvaluationRequest;
import com.alvh.evaluation.request.IndicatorsInput;
import com.alvh.evaluation.request.MarketInput;
import com.alvh.evaluation.request.SeriesInput;
import com.alvh.market.indicator.Breadth;
import com.alvh.market.indicator.Macd;
import com.alvh.market.indicator.Rsi;
import com.alvh.strategy.ProfileCatalog;
import com.alvh.testing.ShippedRules;

/** A client may send raw daily series instead of indicators; the decision must not depend on which it sent. */
class SeriesEquivalenceTest {

    private static final CompiledRuleSet RULES = ShippedRules.RULES;
    private static final ProfileCatalog.LoadedProfile BALANCED = ShippedRules.BALANCED;

    @Test
    void rawSeriesGiveTheSameDecisionAsTheEquivalentIndicators() {
        for (long seed = 1; seed <= 25; seed++) {
            SeriesInput series = randomSeries(seed, 80);
            EvaluationRequest withSeries = withMarket(series, null);
            EvaluationRequest withIndicators = withMarket(null, indicatorsOf(series));

            EvaluationAnswer a = run(withSeries);
            EvaluationAnswer b = run(withIndicators);

            assertEquals(b.decision(), a.decision(), "seed " + seed);
            assertEquals(active(b), active(a), "seed " + seed);
            assertEquals("derived", a.derived().indicators().sources().get("spxRsi14"));
            assertEquals("given", b.derived().indicators().sources().get("spxRsi14"));
        }
    }

    @Test
    void givenIndicatorsWinOverSeries() {
        SeriesInput series = randomSeries(7, 80);
        IndicatorsInput given = new IndicatorsInput(12.5, 88.0, null, null);
        EvaluationAnswer answer = run(withMarket(series, given));
        assertEquals(12.5, answer.derived().indicators().spxRsi14());
        assertEquals(88.0, answer.derived().indicators().vixRsi14());
        assertEquals("derived", answer.derived().indicators().sources().get("macd"));
    }

    @Test
    void tooShortASeriesLeavesItsSignalsUnavailableNamingTheSeriesAndTheBarsNeeded() {
        SeriesInput shortSeries = randomSeries(3, 10);
        EvaluationAnswer answer = run(withMarket(shortSeries, null));
        SignalView complacency = answer.signals().stream().filter(s -> s.name().equals("COMPLACENCY")).findFirst().orElseThrow();
        SignalView rollover = answer.signals().stream().filter(s -> s.name().equals("MOMENTUM_ROLLOVER")).findFirst().orElseThrow();
        assertTrue(!complacency.available() && complacency.text().contains("RSI(14) needs 15"), complacency.text());
        assertTrue(!rollover.available() && rollover.text().contains("needs 35"), "MACD(12,26,9) needs 35 bars: " + rollover.text());
    }

    private static EvaluationAnswer run(EvaluationRequest request) {
        return Evaluator.run("test", request, BALANCED, RULES, false, 10_000).answer();
    }

    private static List<String> active(EvaluationAnswer answer) {
        return answer.signals().stream().filter(SignalView::active).map(SignalView::name).toList();
    }

    private static IndicatorsInput indicatorsOf(SeriesInput s) {
        double[] spx = toArray(s.spxClose());
        Macd.MacdValue macd = Macd.last("spxClose", spx, 12, 26, 9);
        Breadth.Divergence breadth = Breadth.bearish(spx,
                Breadth.advanceDeclineLine(toArray(s.advances()), toArray(s.declines())), BALANCED.profile().breadthLookbackDays(),
                BALANCED.profile().breadthDivergencePct());
        return new IndicatorsInput(Rsi.last("spxClose", spx, 14), Rsi.last("vixClose", toArray(s.vixClose()), 14),
                new IndicatorsInput.MacdInput(macd.macd(), macd.signal(), macd.histogram(), macd.crossover().name()),
                new IndicatorsInput.BreadthInput(breadth.spxAtHigh(), breadth.adLineBelowHighPct()));
    }

    private static EvaluationRequest withMarket(SeriesInput series, IndicatorsInput indicators) {
        EvaluationRequest sample = SampleRequest.create("balanced");
        MarketInput m = sample.market();
        MarketInput market = new MarketInput(m.spx(), m.vix(), m.vix3m(), m.vixFutures(), 0.0, indicators, series,
                m.events(), m.metrics());
        return new EvaluationRequest(sample.profile(), sample.asOf(), market, sample.condor(), sample.hedge(), null);
    }

    /** A random walk with trends strong enough that RSI, MACD crossovers and breadth divergence all vary by seed. */
    private static SeriesInput randomSeries(long seed, int bars) {
        Random random = new Random(seed);
        List<Double> spx = new ArrayList<>();
        List<Double> vix = new ArrayList<>();
        List<Double> adv = new ArrayList<>();
        List<Double> dec = new ArrayList<>();
        double s = 5000;
        double v = 18;
        double drift = random.nextGaussian() * 0.004;
        for (int i = 0; i < bars; i++) {
            double r = drift + random.nextGaussian() * 0.01;
            s *= 1 + r;
            v = Math.max(9, v * (1 - 4 * r + random.nextGaussian() * 0.03));
            spx.add(s);
            vix.add(v);
            double breadthTilt = random.nextGaussian() * 300 - (i > bars / 2 ? 150 : 0);
            adv.add(Math.max(0, 1500 + breadthTilt));
            dec.add(Math.max(0, 1500 - breadthTilt));
        }
        return new SeriesInput(spx, vix, adv, dec);
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}

package com.alvh.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.alvh.backtest.Metrics;
import com.alvh.research.SweepSpec.Window;

class WalkForwardTest {

    private static final Window FIT = new Window(LocalDate.of(2015, 1, 1), LocalDate.of(2020, 12, 31));
    private static final Window TEST = new Window(LocalDate.of(2021, 1, 1), LocalDate.of(2022, 12, 31));

    private static Window w(String from, String to) {
        return new Window(LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void anchoredFoldsKeepTheFitStartAndGrow() {
        // 730 test days in two folds of 365: the second fold's fit window ends 365 days later, as its test starts.
        List<WalkForward.Fold> folds = new WalkForward(WalkForward.Mode.ANCHORED, 2).folds(FIT, TEST);
        assertEquals(List.of(new WalkForward.Fold(1, FIT, w("2021-01-01", "2021-12-31")),
                new WalkForward.Fold(2, w("2015-01-01", "2021-12-31"), w("2022-01-01", "2022-12-31"))), folds);
    }

    @Test
    void rollingFoldsKeepTheFitLengthAndSlide() {
        List<WalkForward.Fold> folds = new WalkForward(WalkForward.Mode.ROLLING, 2).folds(FIT, TEST);
        assertEquals(List.of(new WalkForward.Fold(1, FIT, w("2021-01-01", "2021-12-31")),
                new WalkForward.Fold(2, w("2016-01-01", "2021-12-31"), w("2022-01-01", "2022-12-31"))), folds);
    }

    @Test
    void oneFoldIsThePlainSplitAndAWalkNeedsATestWindow() {
        assertEquals(List.of(new WalkForward.Fold(1, FIT, TEST)), WalkForward.SINGLE.folds(FIT, TEST));
        assertThrows(IllegalArgumentException.class, () -> new WalkForward(WalkForward.Mode.ROLLING, 3).folds(FIT, null));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> SweepSpec.of(new org.yaml.snakeyaml.Yaml().load("""
                        parameters: {proximitySigma: [1.0]}
                        fit: {from: 2015-01-01, to: 2020-12-31}
                        test: {from: 2021-01-01, to: 2022-12-31}
                        walkForward: {mode: sideways, folds: 2}
                        """)));
        assertEquals("walkForward.mode must be anchored or rolling, was 'sideways'", bad.getMessage());
    }

    private static Metrics m(double pnl, double drawdown) {
        return new Metrics(pnl, 0, drawdown, 0, 0, 0, 0, 0, Map.of(), 0, 0);
    }

    /**
     * Two variants over two folds. Return ÷ drawdown on the fit windows: A = 3 then 1 (mean 2), B = 2 then 2.5 (mean
     * 2.25). B ranks first over the folds; fold 1 picks A (3 > 2) and fold 2 picks B (2.5 > 1), each judged on its test.
     */
    @Test
    void rankingAveragesTheFoldsAndEachFoldPicksItsOwnFitWinner() {
        Map<String, Object> a = new LinkedHashMap<>(Map.of("x", 1));
        Map<String, Object> b = new LinkedHashMap<>(Map.of("x", 2));
        VariantResult va = new VariantResult(0, a, List.of(
                new FoldResult(1, FIT, null, m(300, 100), 0, m(-50, 100), 0),
                new FoldResult(2, FIT, null, m(100, 100), 0, m(40, 20), 0)), null);
        VariantResult vb = new VariantResult(1, b, List.of(
                new FoldResult(1, FIT, null, m(200, 100), 0, m(10, 10), 0),
                new FoldResult(2, FIT, null, m(250, 100), 0, m(30, 10), 0)), null);
        List<Ranking.Ranked> ranked = Ranking.rank(List.of(va, vb), Objective.RETURN_OVER_DRAWDOWN, List.of());
        assertEquals(1, ranked.get(0).variant().id());
        assertEquals(2.25, ranked.get(0).fitScore(), 1e-12);
        assertEquals(2.0, ranked.get(0).testScore(), 1e-12, "(1 + 3) / 2, reported only");

        SweepSpec spec = new SweepSpec("balanced", Map.of("x", List.of(1, 2)), FIT, TEST, Objective.RETURN_OVER_DRAWDOWN,
                List.of(), 2, new WalkForward(WalkForward.Mode.ROLLING, 2));
        List<SweepResults.FoldPick> picks = SweepResults.picks(spec, List.of(va, vb));
        assertEquals(List.of(0, 1), picks.stream().map(SweepResults.FoldPick::variant).toList());
        assertEquals(-0.5, picks.get(0).testObjective(), 1e-12);
        assertEquals(3.0, picks.get(1).testObjective(), 1e-12);
    }
}

package com.alvh.backtest.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import com.alvh.backtest.BacktestResult;

/**
 * The market stress episodes the report looks at, and what each arm went through in them: the drawdown from the
 * equity it entered the window with, the hedge's P&L (the arm's equity change less the unhedged arm's, since the
 * arms share the condor), the condor's rebalancing costs, and coverage = hedge P&L ÷ rebalancing costs.
 */
public final class StressWindows {

    /** A named calendar window, months inclusive. */
    public record Window(String label, LocalDate from, LocalDate to) {
        static Window months(String label, String first, String last) {
            return new Window(label, YearMonth.parse(first).atDay(1), YearMonth.parse(last).atEndOfMonth());
        }
    }

    /** One arm in one window. */
    public record ArmStress(String arm, double pnl, double drawdown, double hedgePnl, double coverage) {
    }

    /** One window: the days of the run it covers (0 when it lies outside), and each arm's figures. */
    public record Row(Window window, int days, double rebalancingCosts, List<ArmStress> arms) {
        public boolean covered() {
            return days > 0;
        }
    }

    public static final List<Window> WINDOWS = List.of(
            Window.months("Financial crisis", "2008-09", "2009-03"),
            Window.months("Flash crash", "2010-05", "2010-05"),
            Window.months("US downgrade", "2011-08", "2011-08"),
            Window.months("Yuan devaluation", "2015-08", "2015-08"),
            Window.months("Volmageddon", "2018-02", "2018-02"),
            Window.months("Q4 2018 sell-off", "2018-12", "2018-12"),
            Window.months("COVID crash", "2020-02", "2020-04"),
            Window.months("2022 bear market", "2022-01", "2022-12"),
            Window.months("Yen carry unwind", "2024-08", "2024-08"),
            Window.months("Tariff shock", "2025-04", "2025-04"));

    private StressWindows() {
    }

    public static List<Row> of(BacktestResult r) {
        return WINDOWS.stream().map(w -> row(r, w)).toList();
    }

    static Row row(BacktestResult r, Window w) {
        List<LocalDate> dates = r.dates();
        int first = 0;
        while (first < dates.size() && dates.get(first).isBefore(w.from())) {
            first++;
        }
        int last = first;
        while (last < dates.size() && !dates.get(last).isAfter(w.to())) {
            last++;
        }
        if (last == first) {
            return new Row(w, 0, Double.NaN, List.of());
        }
        // Figures are changes from the close before the window (0 before the run's first day).
        double costs = at(r.rebalancingCosts(), last - 1) - at(r.rebalancingCosts(), first - 1);
        List<Double> unhedged = r.arms().stream().filter(a -> a.name().equals("unhedged")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no unhedged arm to measure the hedge against")).run().equity();
        List<ArmStress> arms = new ArrayList<>();
        for (BacktestResult.Arm arm : r.arms()) {
            List<Double> equity = arm.run().equity();
            double peak = at(equity, first - 1);
            double drawdown = 0;
            for (int i = first; i < last; i++) {
                peak = Math.max(peak, equity.get(i));
                drawdown = Math.max(drawdown, peak - equity.get(i));
            }
            double hedge = (at(equity, last - 1) - at(unhedged, last - 1)) - (at(equity, first - 1) - at(unhedged, first - 1));
            double pnl = at(equity, last - 1) - at(equity, first - 1);
            arms.add(new ArmStress(arm.name(), pnl, drawdown, hedge, costs > 0 ? hedge / costs : Double.NaN));
        }
        return new Row(w, last - first, costs, arms);
    }

    private static double at(List<Double> series, int i) {
        return i < 0 || series.isEmpty() ? 0 : series.get(i);
    }
}

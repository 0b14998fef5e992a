package com.alvh.backtest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stress windows of issue 12 cut from one continuous run: per arm the drawdown inside the window (from the
 * equity at its start or any later peak), the hedge P&amp;L (the arm's equity change less the unhedged arm's, since
 * the arms share one condor schedule), the condor's rebalancing costs in the window and the coverage ratio
 * (hedge P&amp;L ÷ rebalancing costs). Windows outside the run are left out; a window partly inside is cut to it.
 */
public record StressWindows(String name, LocalDate from, LocalDate to, int days, double rebalancingCosts,
                            Map<String, ArmWindow> arms) {

    /** One arm in one window. */
    public record ArmWindow(double pnl, double drawdown, double hedgePnl, double coverageRatio) {
    }

    /** The windows named in issue 12: 2008-09…2009-03, 2010-05, 2011-08, 2015-08, 2018-02, 2018-12, 2020-02…04, 2022, 2024-08, 2025-04. */
    public static final List<String[]> WINDOWS = List.of(
            new String[] {"2008-09..2009-03", "2008-09", "2009-03"}, new String[] {"2010-05", "2010-05", "2010-05"},
            new String[] {"2011-08", "2011-08", "2011-08"}, new String[] {"2015-08", "2015-08", "2015-08"},
            new String[] {"2018-02", "2018-02", "2018-02"}, new String[] {"2018-12", "2018-12", "2018-12"},
            new String[] {"2020-02..04", "2020-02", "2020-04"}, new String[] {"2022", "2022-01", "2022-12"},
            new String[] {"2024-08", "2024-08", "2024-08"}, new String[] {"2025-04", "2025-04", "2025-04"});

    public static List<StressWindows> of(BacktestResult result) {
        List<StressWindows> out = new ArrayList<>();
        for (String[] w : WINDOWS) {
            LocalDate from = YearMonth.parse(w[1]).atDay(1);
            LocalDate to = YearMonth.parse(w[2]).atEndOfMonth();
            int first = -1;
            int last = -1;
            for (int i = 0; i < result.dates().size(); i++) {
                LocalDate d = result.dates().get(i);
                if (!d.isBefore(from) && !d.isAfter(to)) {
                    first = first < 0 ? i : first;
                    last = i;
                }
            }
            if (first >= 0) {
                out.add(window(result, w[0], first, last));
            }
        }
        return out;
    }

    private static StressWindows window(BacktestResult result, String name, int first, int last) {
        // Changes are measured from the close before the window, so its first day's move counts.
        int base = Math.max(first - 1, 0);
        List<Double> costs = result.rebalancingCosts();
        double rebalancing = costs.get(last) - (first == 0 ? 0 : costs.get(base));
        List<Double> unhedged = result.arms().get(0).run().equity();
        Map<String, ArmWindow> arms = new LinkedHashMap<>();
        for (BacktestResult.Arm arm : result.arms()) {
            List<Double> equity = arm.run().equity();
            double start = first == 0 ? 0 : equity.get(base);
            double peak = start;
            double drawdown = 0;
            for (int i = first; i <= last; i++) {
                peak = Math.max(peak, equity.get(i));
                drawdown = Math.max(drawdown, peak - equity.get(i));
            }
            double pnl = equity.get(last) - start;
            double hedge = pnl - (unhedged.get(last) - (first == 0 ? 0 : unhedged.get(base)));
            arms.put(arm.name(), new ArmWindow(round(pnl), round(drawdown), round(hedge),
                    rebalancing == 0 ? 0 : Math.round(hedge / rebalancing * 1e4) / 1e4));
        }
        return new StressWindows(name, result.dates().get(first), result.dates().get(last), last - first + 1,
                round(rebalancing), arms);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}

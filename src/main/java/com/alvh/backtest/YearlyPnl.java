package com.alvh.backtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * P&L of each arm per calendar year, cut from one continuous run (equity change from the last day of the previous
 * year), so sub-periods are compared on positions already on, unlike a separate run started on 1 January.
 */
public record YearlyPnl(int year, Map<String, Double> pnlByArm) {

    public static List<YearlyPnl> of(BacktestResult result) {
        List<YearlyPnl> years = new ArrayList<>();
        Map<String, Double> previous = new LinkedHashMap<>();
        result.arms().forEach(a -> previous.put(a.name(), 0.0));
        for (int i = 0; i < result.dates().size(); i++) {
            boolean lastOfYear = i == result.dates().size() - 1
                    || result.dates().get(i + 1).getYear() != result.dates().get(i).getYear();
            if (lastOfYear) {
                Map<String, Double> pnl = new LinkedHashMap<>();
                for (BacktestResult.Arm arm : result.arms()) {
                    double equity = arm.run().equity().get(i);
                    pnl.put(arm.name(), Math.round((equity - previous.get(arm.name())) * 100) / 100.0);
                    previous.put(arm.name(), equity);
                }
                years.add(new YearlyPnl(result.dates().get(i).getYear(), pnl));
            }
        }
        return years;
    }
}

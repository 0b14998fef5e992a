package com.alvh.backtest.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.alvh.backtest.BacktestResult;

/**
 * Each arm's P&L per calendar month, cut from the one continuous run (equity at the month's last close less the
 * previous month's), so the months add up to the arm's total P&L.
 */
public record MonthlyPnl(List<String> months, Map<String, List<Double>> pnlByArm) {

    public static MonthlyPnl of(BacktestResult r) {
        List<String> months = new ArrayList<>();
        Map<String, List<Double>> pnl = new LinkedHashMap<>();
        Map<String, Double> previous = new LinkedHashMap<>();
        r.arms().forEach(a -> {
            pnl.put(a.name(), new ArrayList<>());
            previous.put(a.name(), 0.0);
        });
        for (int i = 0; i < r.dates().size(); i++) {
            YearMonth month = YearMonth.from(r.dates().get(i));
            boolean lastOfMonth = i == r.dates().size() - 1 || !YearMonth.from(r.dates().get(i + 1)).equals(month);
            if (lastOfMonth) {
                months.add(month.toString());
                for (BacktestResult.Arm arm : r.arms()) {
                    double equity = arm.run().equity().get(i);
                    pnl.get(arm.name()).add(Math.round((equity - previous.get(arm.name())) * 100) / 100.0);
                    previous.put(arm.name(), equity);
                }
            }
        }
        return new MonthlyPnl(List.copyOf(months), pnl);
    }
}

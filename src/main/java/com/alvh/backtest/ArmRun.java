package com.alvh.backtest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Day-by-day trace of one arm: equity (everything marked), realised P&L (closed trades and costs paid; the credit
 * of an open condor is not yet earned), hedge ratio and the actions taken.
 */
public record ArmRun(String name, List<Double> equity, List<Double> realised, List<Double> hedgeRatio,
              List<List<String>> actions) {

    static ArmRun start(String name) {
        return new ArmRun(name, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    void add(double equityToday, double realisedToday, HedgePolicy.DayActions today) {
        equity.add(equityToday);
        realised.add(realisedToday);
        hedgeRatio.add(today.hedgeRatio());
        actions.add(today.actions());
    }

    /** Actions of the days before {@code end}, one "date: action" string per action. */
    List<String> actionLog(List<LocalDate> dates, int end) {
        List<String> log = new ArrayList<>();
        for (int i = 0; i < end; i++) {
            for (String a : actions.get(i)) {
                log.add(dates.get(i) + ": " + a);
            }
        }
        return log;
    }
}

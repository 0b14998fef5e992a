package com.alvh.backtest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.alvh.backtest.data.DailyCloses;
import com.alvh.backtest.data.MarketEvent;
import com.alvh.backtest.data.VxCurveHistory;

/** The trading days with both an SPX and a VIX close, in date order, and the event calendar. */
public record MarketHistory(List<MarketDay> days, List<MarketEvent> events) {

    public MarketHistory {
        days = List.copyOf(days);
        events = List.copyOf(events);
    }

    public static MarketHistory align(DailyCloses spx, DailyCloses vix, DailyCloses vix3m, VxCurveHistory curve,
                                      List<MarketEvent> events) {
        List<MarketDay> days = new ArrayList<>();
        for (var e : spx.closes().entrySet()) {
            LocalDate date = e.getKey();
            Double v = vix.on(date);
            if (v == null) {
                continue;
            }
            days.add(new MarketDay(date, e.getValue(), v, vix3m == null ? null : vix3m.on(date), curve.on(date)));
        }
        return new MarketHistory(days, events);
    }

    /**
     * Reads and aligns the input files: SPX and VIX required; VIX3M optional (null); any number of VX curve files
     * (each in one of the forms {@link com.alvh.backtest.data.VxCurveCsv} tells apart) and event calendars.
     */
    public static MarketHistory load(java.nio.file.Path spx, java.nio.file.Path vix, java.nio.file.Path vix3m,
                                     List<java.nio.file.Path> curves, List<java.nio.file.Path> events) {
        return align(com.alvh.backtest.data.IndexHistoryCsv.read(spx), com.alvh.backtest.data.IndexHistoryCsv.read(vix),
                vix3m == null ? null : com.alvh.backtest.data.IndexHistoryCsv.read(vix3m),
                com.alvh.backtest.data.VxCurveCsv.read(curves), com.alvh.backtest.data.EventsCsv.read(events));
    }

    /** Index of the first day on or after {@code date}, or the size when there is none. */
    public int indexOnOrAfter(LocalDate date) {
        int i = 0;
        while (i < days.size() && days.get(i).date().isBefore(date)) {
            i++;
        }
        return i;
    }
}

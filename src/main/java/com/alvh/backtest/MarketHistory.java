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

    /** Index of the first day on or after {@code date}, or the size when there is none. */
    public int indexOnOrAfter(LocalDate date) {
        int i = 0;
        while (i < days.size() && days.get(i).date().isBefore(date)) {
            i++;
        }
        return i;
    }
}

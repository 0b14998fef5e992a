package com.alvh.backtest.data;

import java.time.LocalDate;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Daily closing levels of one index, by date. */
public record DailyCloses(String name, NavigableMap<LocalDate, Double> closes) {

    public DailyCloses {
        closes = java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(closes));
    }

    public Double on(LocalDate date) {
        return closes.get(date);
    }
}

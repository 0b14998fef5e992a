package com.alvh.backtest.data;

import java.time.LocalDate;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Daily VX settlements by listed rank: {@code prices[0]} is the front month M1. A missing quote (NA, empty
 * or 0 around rolls) is {@link Double#NaN}, so the caller decides how to fill it.
 */
public record VxCurveHistory(NavigableMap<LocalDate, double[]> byDate) {

    public VxCurveHistory {
        byDate = Collections.unmodifiableNavigableMap(new TreeMap<>(byDate));
    }

    public static VxCurveHistory empty() {
        return new VxCurveHistory(new TreeMap<>());
    }

    /** Price of the rank-th listed maturity (0 = M1) on {@code date}, NaN when not quoted. */
    public double price(LocalDate date, int rank) {
        double[] row = byDate.get(date);
        return row == null || rank >= row.length ? Double.NaN : row[rank];
    }
}

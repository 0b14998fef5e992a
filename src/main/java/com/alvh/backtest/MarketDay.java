package com.alvh.backtest;

import java.time.LocalDate;
import java.util.Map;

/**
 * What is known at the close of one trading day.
 *
 * @param vix3m null before VIX3M existed (2009-09) or when the file lacks the day
 * @param vx    VX settlements of the day by contract expiry; empty when no curve was given or the day is missing
 */
public record MarketDay(LocalDate date, double spx, double vix, Double vix3m, Map<LocalDate, Double> vx) {

    public MarketDay {
        vx = Map.copyOf(vx);
    }

    /** A day without VX settlements. */
    public static MarketDay of(LocalDate date, double spx, double vix, Double vix3m) {
        return new MarketDay(date, spx, vix, vix3m, Map.of());
    }

    /** The settlement of the contract expiring on {@code expiry}, or NaN when the day has none. */
    public double settle(LocalDate expiry) {
        Double v = vx.get(expiry);
        return v == null ? Double.NaN : v;
    }
}

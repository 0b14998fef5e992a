package com.alvh.backtest;

import java.time.LocalDate;

/**
 * What is known at the close of one trading day.
 *
 * @param vix3m null before VIX3M existed (2009-09) or when the file lacks the day
 * @param curve VX settlements by rank (M1 first), NaN where not quoted; empty when no curve was given
 */
public record MarketDay(LocalDate date, double spx, double vix, Double vix3m, double[] curve) {
}

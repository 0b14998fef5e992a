package com.alvh.backtest;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The price of a VX contract on a day: its own settlement that day when the curve quotes it; otherwise a model that
 * decays the front of the curve from VIX towards VIX3M with a 30-day time constant,
 * {@code VX(T) = VIX3M + (VIX − VIX3M)·exp(−T/30)}, or flat at VIX when VIX3M is unknown.
 * A quote further than 3× from VIX is treated as a data error and replaced by the model.
 */
public final class VxPricing {

    /** Maturities listed in a request (the real curve has up to nine). */
    public static final int RANKS = 8;

    private VxPricing() {
    }

    public static double price(MarketDay day, LocalDate expiry) {
        double quoted = quoted(day, expiry);
        return Double.isNaN(quoted) ? model(day, expiry) : quoted;
    }

    /** The day's settlement of that contract when plausible, NaN when the model must stand in. */
    public static double quoted(MarketDay day, LocalDate expiry) {
        double quoted = day.settle(expiry);
        return quoted > day.vix() / 3 && quoted < day.vix() * 3 ? quoted : Double.NaN;
    }

    /** Whether pricing that contract on that day needs the model. */
    public static boolean modelled(MarketDay day, LocalDate expiry) {
        return Double.isNaN(quoted(day, expiry));
    }

    static double model(MarketDay day, LocalDate expiry) {
        if (day.vix3m() == null) {
            return day.vix();
        }
        double t = Math.max(0, ChronoUnit.DAYS.between(day.date(), expiry));
        return day.vix3m() + (day.vix() - day.vix3m()) * Math.exp(-t / 30.0);
    }

    /** The next {@link #RANKS} listed expiries on or after the day. */
    public static List<LocalDate> listed(LocalDate date) {
        return com.alvh.market.calendar.VxCalendar.expiriesOnOrAfter(date, RANKS);
    }
}

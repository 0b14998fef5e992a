package com.alvh.backtest;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.alvh.market.calendar.VxCalendar;

/**
 * The price of a VX maturity on a day. From the real curve when it quotes that maturity: the k-th listed
 * expiry on or after the day (by {@link VxCalendar}) is column M(k+1). Otherwise a model that decays the
 * front of the curve from VIX towards VIX3M with a 30-day time constant,
 * {@code VX(T) = VIX3M + (VIX − VIX3M)·exp(−T/30)}, or flat at VIX when VIX3M is unknown.
 * A quote further than 3× from VIX is treated as a data error and replaced by the model.
 */
public final class VxPricing {

    /** Maturities quoted by the curve files (M1..M8). */
    public static final int RANKS = 8;

    private VxPricing() {
    }

    public static double price(MarketDay day, LocalDate expiry) {
        // Settlement files have already rolled on an expiry day (M1 is then the next month), so rank from tomorrow.
        int rank = VxCalendar.expiriesOnOrAfter(day.date().plusDays(1), RANKS).indexOf(expiry);
        if (rank >= 0 && rank < day.curve().length) {
            double quoted = day.curve()[rank];
            if (quoted > day.vix() / 3 && quoted < day.vix() * 3) {
                return quoted;
            }
        }
        return model(day, expiry);
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
        return VxCalendar.expiriesOnOrAfter(date, RANKS);
    }
}

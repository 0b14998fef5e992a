package com.alvh.backtest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

import com.alvh.condor.VolatilitySkew;
import com.alvh.condor.pricing.BlackScholes;
import com.alvh.condor.pricing.OptionType;
import com.alvh.market.calendar.ExchangeHolidays;
import com.alvh.strategy.Profile;

/**
 * Prices SPX options the way the engine proxies them: Black-Scholes with vol = VIX/100 tilted by the profile's
 * skew, rate and dividend yield from the profile. Strikes are on the 5-point SPX grid.
 */
final class CondorPricer {

    private final Profile profile;

    CondorPricer(Profile profile) {
        this.profile = profile;
    }

    /** The standard monthly expiry (third Friday, the Thursday before when it is a holiday) nearest date + dte. */
    static LocalDate monthlyExpiryNear(LocalDate date, int dte) {
        LocalDate target = date.plusDays(dte);
        LocalDate best = null;
        for (int m = -1; m <= 1; m++) {
            LocalDate friday = YearMonth.from(target).plusMonths(m).atDay(1)
                    .with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.FRIDAY));
            LocalDate expiry = ExchangeHolidays.isHoliday(friday) ? friday.minusDays(1) : friday;
            if (expiry.isAfter(date) && (best == null
                    || Math.abs(ChronoUnit.DAYS.between(target, expiry)) < Math.abs(ChronoUnit.DAYS.between(target, best)))) {
                best = expiry;
            }
        }
        return best;
    }

    static double years(LocalDate date, LocalDate expiry) {
        return Math.max(0, ChronoUnit.DAYS.between(date, expiry)) / 365.0;
    }

    /** Value per share of one option. */
    double option(OptionType type, MarketDay day, double strike, LocalDate expiry) {
        return greeks(type, day, strike, expiry).price();
    }

    /** Value per share of a vertical spread: short {@code shortStrike}, long {@code longStrike}. */
    double spread(OptionType type, MarketDay day, double shortStrike, double longStrike, LocalDate expiry) {
        return option(type, day, shortStrike, expiry) - option(type, day, longStrike, expiry);
    }

    /**
     * The 5-point strike whose |delta| is nearest {@code target}, found by bisection between 30% and 200% of spot
     * (|delta| falls monotonically away from the money on each side).
     */
    double strikeAtDelta(OptionType type, MarketDay day, LocalDate expiry, double target) {
        double lo = type == OptionType.PUT ? day.spx() * 0.3 : day.spx();
        double hi = type == OptionType.PUT ? day.spx() : day.spx() * 2;
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            double delta = Math.abs(greeks(type, day, mid, expiry).delta());
            boolean tooClose = delta > target;
            if (type == OptionType.PUT == tooClose) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return Math.round((lo + hi) / 2 / 5) * 5.0;
    }

    private com.alvh.condor.pricing.OptionGreeks greeks(OptionType type, MarketDay day, double strike, LocalDate expiry) {
        double vol = VolatilitySkew.impliedVol(VolatilitySkew.atmVolFromVix(day.vix()), day.spx(), strike, profile.volSkew());
        return BlackScholes.price(type, day.spx(), strike, years(day.date(), expiry), profile.riskFreeRate(),
                profile.dividendYield(), vol);
    }
}

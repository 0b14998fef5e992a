package com.alvh.market.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Final settlement dates of the monthly Cboe VIX futures (VX).
 *
 * <p>A VX contract settles on the VIX computed from the SPX options that expire 30 days later, so
 * the contract for month M expires on the Wednesday 30 calendar days before the third Friday of
 * month M+1. When that Friday or that Wednesday is an exchange holiday, it expires on the trading
 * day before the Wednesday (e.g. March 2022 on Tuesday 2022-03-15 because of Good Friday
 * 2022-04-15, June 2024 on Tuesday 2024-06-18 because of Juneteenth).
 */
public final class VxCalendar {

    private VxCalendar() {
    }

    /** Expiry (final settlement date) of the monthly VX contract for {@code contractMonth}. */
    public static LocalDate expiry(YearMonth contractMonth) {
        YearMonth next = contractMonth.plusMonths(1);
        LocalDate thirdFriday = ExchangeHolidays.nthWeekday(next.getYear(), next.getMonth(), 3,
                DayOfWeek.FRIDAY);
        LocalDate wednesday = thirdFriday.minusDays(30);
        if (ExchangeHolidays.isHoliday(thirdFriday) || ExchangeHolidays.isHoliday(wednesday)) {
            return ExchangeHolidays.previousTradingDay(wednesday);
        }
        return wednesday;
    }

    /** Monthly expiries with {@code from <= expiry <= to}, in date order. */
    public static List<LocalDate> expiriesBetween(LocalDate from, LocalDate to) {
        List<LocalDate> out = new ArrayList<>();
        // An expiry always falls in its own contract month, but start a month early to be safe.
        YearMonth last = YearMonth.from(to);
        for (YearMonth m = YearMonth.from(from).minusMonths(1); !m.isAfter(last); m = m.plusMonths(1)) {
            LocalDate e = expiry(m);
            if (!e.isBefore(from) && !e.isAfter(to)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The next {@code count} monthly expiries on or after {@code date}, in date order. */
    public static List<LocalDate> expiriesOnOrAfter(LocalDate date, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        List<LocalDate> out = new ArrayList<>(count);
        for (YearMonth m = YearMonth.from(date).minusMonths(1); out.size() < count; m = m.plusMonths(1)) {
            LocalDate e = expiry(m);
            if (!e.isBefore(date)) {
                out.add(e);
            }
        }
        return out;
    }
}

package com.alvh.market.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Full-day closures of the US equity-options market (Cboe, following NYSE), checked for 2004–2030.
 *
 * <p>The recurring rules are applied to any year, but only the one-off closures listed here are known,
 * so dates outside 2004–2030 may miss unscheduled closures. Early closes (half days) are trading
 * days and are not modelled.
 */
public final class ExchangeHolidays {

    /** Unscheduled closures: national days of mourning and Hurricane Sandy. */
    private static final Set<LocalDate> ONE_OFF = Set.of(
            LocalDate.of(2004, 6, 11),   // President Reagan's funeral
            LocalDate.of(2007, 1, 2),    // President Ford's funeral
            LocalDate.of(2012, 10, 29),  // Hurricane Sandy
            LocalDate.of(2012, 10, 30),  // Hurricane Sandy
            LocalDate.of(2018, 12, 5),   // President G.H.W. Bush's funeral
            LocalDate.of(2025, 1, 9));   // President Carter's funeral

    private static final Map<Integer, Set<LocalDate>> BY_YEAR = new ConcurrentHashMap<>();

    private ExchangeHolidays() {
    }

    /** True when the exchange is closed all day on a weekday because of a holiday or a one-off closure. */
    public static boolean isHoliday(LocalDate date) {
        return BY_YEAR.computeIfAbsent(date.getYear(), ExchangeHolidays::holidaysOf).contains(date);
    }

    /** True on weekdays that are not holidays. */
    public static boolean isTradingDay(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !isHoliday(date);
    }

    /** The last trading day strictly before {@code date}. */
    public static LocalDate previousTradingDay(LocalDate date) {
        LocalDate d = date.minusDays(1);
        while (!isTradingDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    /**
     * Number of trading days {@code d} with {@code from < d <= toInclusive}, so an event on the next
     * trading day is 1 away and an event on {@code from} itself is 0 away; 0 when {@code toInclusive}
     * is not after {@code from}.
     */
    public static int tradingDaysBetween(LocalDate from, LocalDate toInclusive) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(toInclusive); d = d.plusDays(1)) {
            if (isTradingDay(d)) {
                count++;
            }
        }
        return count;
    }

    private static Set<LocalDate> holidaysOf(int year) {
        Set<LocalDate> days = new HashSet<>();
        // NYSE Rule 7.2: a Saturday holiday moves to Friday, a Sunday one to Monday, except that
        // New Year's Day on a Saturday is not observed on the previous Friday (it would fall in the
        // old year, at the accounting year end).
        LocalDate newYear = LocalDate.of(year, 1, 1);
        if (newYear.getDayOfWeek() == DayOfWeek.SUNDAY) {
            days.add(newYear.plusDays(1));
        } else if (newYear.getDayOfWeek() != DayOfWeek.SATURDAY) {
            days.add(newYear);
        }
        days.add(nthWeekday(year, Month.JANUARY, 3, DayOfWeek.MONDAY));   // Martin Luther King Jr.
        days.add(nthWeekday(year, Month.FEBRUARY, 3, DayOfWeek.MONDAY));  // Washington's Birthday
        days.add(easterSunday(year).minusDays(2));                         // Good Friday
        days.add(LocalDate.of(year, 5, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
        if (year >= 2022) {
            days.add(observed(LocalDate.of(year, 6, 19)));                 // Juneteenth
        }
        days.add(observed(LocalDate.of(year, 7, 4)));
        days.add(nthWeekday(year, Month.SEPTEMBER, 1, DayOfWeek.MONDAY));  // Labor Day
        days.add(nthWeekday(year, Month.NOVEMBER, 4, DayOfWeek.THURSDAY)); // Thanksgiving
        days.add(observed(LocalDate.of(year, 12, 25)));
        ONE_OFF.stream().filter(d -> d.getYear() == year).forEach(days::add);
        return Set.copyOf(days);
    }

    private static LocalDate observed(LocalDate holiday) {
        return switch (holiday.getDayOfWeek()) {
            case SATURDAY -> holiday.minusDays(1);
            case SUNDAY -> holiday.plusDays(1);
            default -> holiday;
        };
    }

    static LocalDate nthWeekday(int year, Month month, int n, DayOfWeek dow) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, dow));
    }

    /** Gregorian Easter Sunday by the anonymous (Meeus/Jones/Butcher) algorithm. */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}

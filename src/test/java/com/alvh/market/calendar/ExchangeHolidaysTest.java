package com.alvh.market.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

import com.alvh.testing.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExchangeHolidaysTest {

    // Closures as published in the NYSE holiday calendars and Cboe trading-hours notices.
    @ParameterizedTest(name = "{0} is closed ({1})")
    @CsvSource({
        "2024-01-01, New Year's Day",
        "2017-01-02, New Year's Day on Sunday observed Monday",
        "2023-01-02, New Year's Day on Sunday observed Monday",
        "2024-01-15, Martin Luther King Jr. Day",
        "2024-02-19, Washington's Birthday",
        "2024-03-29, Good Friday",
        "2008-03-21, Good Friday",
        "2019-04-19, Good Friday",
        "2025-04-18, Good Friday",
        "2030-04-19, Good Friday",
        "2024-05-27, Memorial Day",
        "2022-06-20, Juneteenth on Sunday observed Monday",
        "2024-06-19, Juneteenth",
        "2027-06-18, Juneteenth on Saturday observed Friday",
        "2024-07-04, Independence Day",
        "2015-07-03, Independence Day on Saturday observed Friday",
        "2021-07-05, Independence Day on Sunday observed Monday",
        "2024-09-02, Labor Day",
        "2024-11-28, Thanksgiving",
        "2024-12-25, Christmas",
        "2021-12-24, Christmas on Saturday observed Friday",
        "2022-12-26, Christmas on Sunday observed Monday",
        "2004-06-11, President Reagan's funeral",
        "2007-01-02, President Ford's funeral",
        "2012-10-29, Hurricane Sandy",
        "2012-10-30, Hurricane Sandy",
        "2018-12-05, President G.H.W. Bush's funeral",
        "2025-01-09, President Carter's funeral",
    })
    void knowsFullDayClosures(LocalDate date, String why) {
        assertTrue(ExchangeHolidays.isHoliday(date), why);
        assertFalse(ExchangeHolidays.isTradingDay(date), why);
    }

    @ParameterizedTest(name = "{0} is open ({1})")
    @CsvSource({
        "2021-12-31, New Year 2022 fell on Saturday and is not observed on the Friday before",
        "2022-01-03, a Saturday New Year is not moved to Monday either",
        "2010-12-31, New Year 2011 fell on Saturday",
        "2021-06-18, Juneteenth was not an exchange holiday before 2022",
        "2024-10-14, Columbus Day is a trading day",
        "2024-11-11, Veterans Day is a trading day",
        "2024-11-29, the day after Thanksgiving is an early close only",
        "2024-12-24, Christmas Eve is an early close only",
    })
    void keepsTradingOnDaysThatAreNotExchangeHolidays(LocalDate date, String why) {
        assertFalse(ExchangeHolidays.isHoliday(date), why);
        assertTrue(ExchangeHolidays.isTradingDay(date), why);
    }

    @Test
    void weekendsAreNotTradingDays() {
        assertFalse(ExchangeHolidays.isTradingDay(LocalDate.of(2024, 6, 15)));
        assertFalse(ExchangeHolidays.isTradingDay(LocalDate.of(2024, 6, 16)));
    }

    @Test
    void computesGregorianEaster() {
        assertEquals(LocalDate.of(2004, 4, 11), ExchangeHolidays.easterSunday(2004));
        assertEquals(LocalDate.of(2019, 4, 21), ExchangeHolidays.easterSunday(2019));
        assertEquals(LocalDate.of(2024, 3, 31), ExchangeHolidays.easterSunday(2024));
        assertEquals(LocalDate.of(2038, 4, 25), ExchangeHolidays.easterSunday(2038));
    }

    @Test
    void hasBetweenEightAndTwelveClosuresEveryYear() {
        for (int year = 2004; year <= 2030; year++) {
            int count = 0;
            for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
                if (ExchangeHolidays.isHoliday(d)) {
                    count++;
                }
            }
            // 9 rules before 2022 and 10 after, one fewer when a Saturday New Year is dropped,
            // plus the one-off closures.
            assertTrue(count >= 8 && count <= 12, year + " has " + count + " holidays");
        }
    }

    @Test
    void previousTradingDaySkipsWeekendsAndHolidays() {
        assertEquals(LocalDate.of(2024, 3, 28), ExchangeHolidays.previousTradingDay(LocalDate.of(2024, 4, 1)));
        assertEquals(LocalDate.of(2024, 6, 18), ExchangeHolidays.previousTradingDay(LocalDate.of(2024, 6, 20)));
        assertEquals(LocalDate.of(2012, 10, 26), ExchangeHolidays.previousTradingDay(LocalDate.of(2012, 10, 31)));
    }

    @Test
    void countsAnEventTomorrowAsOneTradingDayAway() {
        assertEquals(1, ExchangeHolidays.tradingDaysBetween(LocalDate.of(2024, 6, 11), LocalDate.of(2024, 6, 12)));
        assertEquals(0, ExchangeHolidays.tradingDaysBetween(LocalDate.of(2024, 6, 12), LocalDate.of(2024, 6, 12)));
        assertEquals(0, ExchangeHolidays.tradingDaysBetween(LocalDate.of(2024, 6, 12), LocalDate.of(2024, 6, 1)));
    }

    @Test
    void countsAcrossAWeekend() {
        // Friday to Monday is one trading day; Friday to the next Friday is five.
        assertEquals(1, ExchangeHolidays.tradingDaysBetween(LocalDate.of(2024, 3, 22), LocalDate.of(2024, 3, 25)));
        assertEquals(5, ExchangeHolidays.tradingDaysBetween(LocalDate.of(2024, 3, 15), LocalDate.of(2024, 3, 22)));
    }

    @Test
    void countsAcrossAHolidayAndAWeekend() {
        // Thursday 2024-03-28 to Monday 2024-04-01 spans Good Friday and a weekend.
        assertEquals(1, ExchangeHolidays.tradingDaysBetween(LocalDate.of(2024, 3, 28), LocalDate.of(2024, 4, 1)));
        // Monday 2024-06-17 to Friday 2024-06-21 spans Juneteenth on the Wednesday.
        assertEquals(3, ExchangeHolidays.tradingDaysBetween(LocalDate.of(2024, 6, 17), LocalDate.of(2024, 6, 21)));
    }

    @Test
    void countsAFullYearOfTradingDays() {
        // NYSE traded 252 days in 2024 and 250 in 2025.
        assertEquals(252, ExchangeHolidays.tradingDaysBetween(LocalDate.of(2023, 12, 31), LocalDate.of(2024, 12, 31)));
        assertEquals(250, ExchangeHolidays.tradingDaysBetween(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 12, 31)));
    }

    @Test
    void agreesWithEveryDateOfTheSpxDailyHistory() throws IOException {
        Path file = SharedData.file("spx-daily.csv");
        Set<LocalDate> sessions = Files.readAllLines(file).stream()
                .skip(1)
                .map(line -> LocalDate.parse(line.substring(0, line.indexOf(','))))
                .collect(Collectors.toSet());
        LocalDate first = sessions.stream().min(LocalDate::compareTo).orElseThrow();
        LocalDate last = sessions.stream().max(LocalDate::compareTo).orElseThrow();
        // The history spans 2005-2025, including the Ford, Sandy, Bush and Carter closures.
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            assertEquals(sessions.contains(d), ExchangeHolidays.isTradingDay(d), d.toString());
        }
    }
}

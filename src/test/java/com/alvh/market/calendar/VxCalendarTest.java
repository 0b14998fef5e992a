package com.alvh.market.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VxCalendarTest {

    // Final settlement dates of monthly VX contracts as listed in Cboe's VX settlement history and
    // expiration calendars. Tuesday dates are the holiday-shifted ones.
    @ParameterizedTest(name = "VX {0} expires {1}")
    @CsvSource({
        "2004-05, 2004-05-19",
        "2004-06, 2004-06-16",
        "2006-11, 2006-11-15",
        "2008-02, 2008-02-19",  // Good Friday 2008-03-21 was the March SPX expiry Friday
        "2008-10, 2008-10-22",
        "2008-11, 2008-11-19",
        "2010-05, 2010-05-19",
        "2012-10, 2012-10-17",
        "2014-03, 2014-03-18",  // Good Friday 2014-04-18
        "2015-08, 2015-08-19",
        "2018-02, 2018-02-14",
        "2019-03, 2019-03-19",  // Good Friday 2019-04-19
        "2020-03, 2020-03-18",
        "2021-12, 2021-12-22",
        "2022-03, 2022-03-15",  // Good Friday 2022-04-15
        "2024-06, 2024-06-18",  // Juneteenth on the Wednesday itself
        "2024-07, 2024-07-17",
        "2024-08, 2024-08-21",
        "2024-09, 2024-09-18",
        "2024-10, 2024-10-16",
        "2025-03, 2025-03-18",  // Good Friday 2025-04-18
        "2025-04, 2025-04-16",
        "2026-01, 2026-01-21",
        "2026-02, 2026-02-18",
        "2026-05, 2026-05-19",  // Juneteenth 2026-06-19 is the June SPX expiry Friday
    })
    void matchesPublishedExpiries(YearMonth contract, LocalDate expected) {
        assertEquals(expected, VxCalendar.expiry(contract));
    }

    @Test
    void everyExpiryIsATradingDayInItsOwnContractMonth() {
        for (YearMonth m = YearMonth.of(2004, 1); !m.isAfter(YearMonth.of(2030, 12)); m = m.plusMonths(1)) {
            LocalDate e = VxCalendar.expiry(m);
            assertTrue(ExchangeHolidays.isTradingDay(e), e.toString());
            assertEquals(m, YearMonth.from(e));
        }
    }

    @Test
    void listsTheExpiriesOfAYearInOrder() {
        List<LocalDate> expiries = VxCalendar.expiriesBetween(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
        assertEquals(12, expiries.size());
        assertEquals(LocalDate.of(2024, 1, 17), expiries.get(0));
        assertEquals(LocalDate.of(2024, 6, 18), expiries.get(5));
        assertEquals(LocalDate.of(2024, 12, 18), expiries.get(11));
    }

    @Test
    void includesBothEndsOfTheRange() {
        assertEquals(List.of(LocalDate.of(2024, 8, 21), LocalDate.of(2024, 9, 18)),
                VxCalendar.expiriesBetween(LocalDate.of(2024, 8, 21), LocalDate.of(2024, 9, 18)));
        assertEquals(List.of(), VxCalendar.expiriesBetween(LocalDate.of(2024, 8, 22), LocalDate.of(2024, 9, 17)));
    }

    @Test
    void countsFromAnExpiryDayItself() {
        assertEquals(List.of(LocalDate.of(2024, 6, 18), LocalDate.of(2024, 7, 17), LocalDate.of(2024, 8, 21)),
                VxCalendar.expiriesOnOrAfter(LocalDate.of(2024, 6, 18), 3));
        assertEquals(List.of(LocalDate.of(2024, 7, 17)), VxCalendar.expiriesOnOrAfter(LocalDate.of(2024, 6, 19), 1));
    }

    @Test
    void crossesTheYearEnd() {
        assertEquals(List.of(LocalDate.of(2025, 12, 17), LocalDate.of(2026, 1, 21)),
                VxCalendar.expiriesOnOrAfter(LocalDate.of(2025, 11, 20), 2));
    }
}

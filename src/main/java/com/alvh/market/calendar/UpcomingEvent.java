package com.alvh.market.calendar;

import java.time.LocalDate;

/**
 * An event on or after the evaluation date.
 *
 * @param type            event type as given by the caller, e.g. {@code FOMC}
 * @param tradingDaysAway {@link ExchangeHolidays#tradingDaysBetween} from the evaluation date; 0 on
 *                        the day itself
 */
public record UpcomingEvent(String type, LocalDate date, int tradingDaysAway) {
}

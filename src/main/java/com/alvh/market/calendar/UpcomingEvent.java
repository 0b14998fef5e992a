package com.alvh.market.calendar;

import java.time.LocalDate;

/** Stub matching the market-analytics contract; replaced by that branch on merge. */
public record UpcomingEvent(String type, LocalDate date, int tradingDaysAway) {
}

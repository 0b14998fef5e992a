package com.alvh.backtest.data;

import java.time.LocalDate;

/** A scheduled macro event (FOMC, CPI, ...) on a date. */
public record MarketEvent(LocalDate date, String type) {
}

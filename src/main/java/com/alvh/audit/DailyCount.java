package com.alvh.audit;

import java.time.LocalDate;

/** How many evaluations were recorded for one UTC day of {@code asOf}. */
public record DailyCount(LocalDate day, long records) {
}

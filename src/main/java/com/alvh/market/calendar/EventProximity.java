package com.alvh.market.calendar;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** How far scheduled market events (FOMC, CPI, ...) are from a given day, in trading days. */
public final class EventProximity {

    private EventProximity() {
    }

    /**
     * Events dated on or after {@code asOf}, sorted by date (then type, so ties are deterministic).
     *
     * @param events pairs of event type and date; past events are dropped
     */
    public static List<UpcomingEvent> upcoming(LocalDate asOf, List<Map.Entry<String, LocalDate>> events) {
        return events.stream()
                .filter(e -> !e.getValue().isBefore(asOf))
                .map(e -> new UpcomingEvent(e.getKey(), e.getValue(),
                        ExchangeHolidays.tradingDaysBetween(asOf, e.getValue())))
                .sorted(Comparator.comparing(UpcomingEvent::date).thenComparing(UpcomingEvent::type))
                .toList();
    }

    /** Trading days to the nearest upcoming event of {@code type}, or empty when there is none. */
    public static OptionalInt nearest(List<UpcomingEvent> upcoming, String type) {
        return upcoming.stream()
                .filter(e -> e.type().equals(type))
                .mapToInt(UpcomingEvent::tradingDaysAway)
                .min();
    }
}

package com.alvh.market.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alvh.market.calendar.UpcomingEvent;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class EventProximityTest {

    private static final LocalDate AS_OF = LocalDate.of(2024, 6, 17); // a Monday in Juneteenth week

    private static final List<Map.Entry<String, LocalDate>> EVENTS = List.of(
            Map.entry("FOMC", LocalDate.of(2024, 7, 31)),
            Map.entry("CPI", LocalDate.of(2024, 7, 11)),
            Map.entry("FOMC", LocalDate.of(2024, 6, 12)),
            Map.entry("OPEX", LocalDate.of(2024, 6, 21)),
            Map.entry("VX", LocalDate.of(2024, 6, 17)));

    @Test
    void dropsPastEventsAndSortsTheRestByDate() {
        List<UpcomingEvent> upcoming = EventProximity.upcoming(AS_OF, EVENTS);
        assertEquals(List.of(
                new UpcomingEvent("VX", LocalDate.of(2024, 6, 17), 0),
                // 18th, 20th and 21st: Juneteenth on the 19th is skipped.
                new UpcomingEvent("OPEX", LocalDate.of(2024, 6, 21), 3),
                // + 5 (Jun 24-28) + 3 (Jul 1-3) + 1 (Jul 5, after Independence Day) + 4 (Jul 8-11)
                new UpcomingEvent("CPI", LocalDate.of(2024, 7, 11), 16),
                // + 1 (Jul 12) + 5 + 5 + 3 (Jul 29-31)
                new UpcomingEvent("FOMC", LocalDate.of(2024, 7, 31), 30)), upcoming);
    }

    @Test
    void nearestFindsTheClosestEventOfAType() {
        List<UpcomingEvent> upcoming = EventProximity.upcoming(AS_OF, EVENTS);
        assertEquals(OptionalInt.of(30), EventProximity.nearest(upcoming, "FOMC"));
        assertEquals(OptionalInt.of(0), EventProximity.nearest(upcoming, "VX"));
        assertTrue(EventProximity.nearest(upcoming, "NFP").isEmpty());
    }

    @Test
    void returnsNothingWhenAllEventsArePast() {
        assertTrue(EventProximity.upcoming(LocalDate.of(2025, 1, 1), EVENTS).isEmpty());
    }
}

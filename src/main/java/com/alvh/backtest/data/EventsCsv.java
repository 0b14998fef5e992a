package com.alvh.backtest.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Reads an event calendar: either {@code date,type} rows, or the Fed meeting file whose rows flag
 * {@code fed_meeting_date_indicator=1} for an FOMC meeting (minutes and projection rows are not meetings).
 */
public final class EventsCsv {

    private static final String FED_FLAG = "fed_meeting_date_indicator";

    private EventsCsv() {
    }

    public static List<MarketEvent> read(Path path) {
        CsvFile csv = CsvFile.read(path);
        int date = csv.column("date");
        boolean fed = csv.header.contains(FED_FLAG);
        int kind = fed ? csv.column(FED_FLAG) : csv.column("type", "event");
        List<MarketEvent> events = new ArrayList<>();
        for (CsvFile.Row row : csv.rows) {
            if (fed) {
                double flag = csv.number(row, kind);
                if (flag == 1) {
                    events.add(new MarketEvent(csv.date(row, date), "FOMC"));
                } else if (flag != 0) {
                    throw new DataRowException(path, row.line(), FED_FLAG + " must be 0 or 1, was " + flag);
                }
            } else {
                String type = csv.cell(row, kind).toUpperCase(Locale.ROOT);
                if (!type.matches("[A-Z][A-Z0-9_]{0,31}")) {
                    throw new DataRowException(path, row.line(), "bad event type '" + type + "'");
                }
                events.add(new MarketEvent(csv.date(row, date), type));
            }
        }
        events.sort(Comparator.comparing(MarketEvent::date));
        return List.copyOf(events);
    }
}

package com.alvh.backtest.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an event calendar, told apart by the header:
 * <ul>
 * <li>{@code date,type}: the type as written (upper-cased), e.g. FOMC, CPI;</li>
 * <li>the FOMC decision file {@code decision_date,event,...}: {@code fomc_decision} rows are FOMC;
 * {@code fomc_intermeeting} rows are skipped, since an unscheduled meeting is not known ahead and passing it
 * days early would leak the future into a backtest;</li>
 * <li>the release file {@code release_date,event,...}: {@code cpi} and {@code ppi} rows are CPI and PPI;</li>
 * <li>the older Fed file: rows with {@code fed_meeting_date_indicator=1} are FOMC.</li>
 * </ul>
 */
public final class EventsCsv {

    private static final String FED_FLAG = "fed_meeting_date_indicator";
    /** Event names of the published calendars mapped to the codes profiles watch; null means "not scheduled". */
    private static final Map<String, String> CALENDAR_CODES = new java.util.HashMap<>(Map.of(
            "fomc_decision", "FOMC", "cpi", "CPI", "ppi", "PPI"));

    static {
        CALENDAR_CODES.put("fomc_intermeeting", null);
    }

    private EventsCsv() {
    }

    /** Reads several calendars into one list, sorted by date (duplicates of the same event and day kept once). */
    public static List<MarketEvent> read(List<Path> paths) {
        List<MarketEvent> all = new ArrayList<>();
        for (Path p : paths) {
            all.addAll(read(p));
        }
        return all.stream().distinct().sorted(Comparator.comparing(MarketEvent::date)
                .thenComparing(MarketEvent::type)).toList();
    }

    public static List<MarketEvent> read(Path path) {
        CsvFile csv = CsvFile.read(path);
        List<MarketEvent> events = new ArrayList<>();
        if (csv.has(FED_FLAG)) {
            int date = csv.column("date");
            int kind = csv.column(FED_FLAG);
            for (CsvFile.Row row : csv.rows) {
                double flag = csv.number(row, kind);
                if (flag == 1) {
                    events.add(new MarketEvent(csv.date(row, date), "FOMC"));
                } else if (flag != 0) {
                    throw new DataRowException(path, row.line(), FED_FLAG + " must be 0 or 1, was " + flag);
                }
            }
        } else if (csv.has("decision_date") || csv.has("release_date")) {
            int date = csv.column("decision_date", "release_date");
            int kind = csv.column("event");
            for (CsvFile.Row row : csv.rows) {
                String name = csv.cell(row, kind).toLowerCase(Locale.ROOT);
                if (!CALENDAR_CODES.containsKey(name)) {
                    throw new DataRowException(path, row.line(), "unknown event '" + name + "'; expected one of "
                            + new java.util.TreeSet<>(CALENDAR_CODES.keySet()));
                }
                String code = CALENDAR_CODES.get(name);
                if (code != null) {
                    events.add(new MarketEvent(csv.date(row, date), code));
                }
            }
        } else {
            int date = csv.column("date");
            int kind = csv.column("type", "event");
            for (CsvFile.Row row : csv.rows) {
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

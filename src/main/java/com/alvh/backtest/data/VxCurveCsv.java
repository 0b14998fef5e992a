package com.alvh.backtest.data;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.alvh.market.calendar.VxCalendar;

/**
 * Reads VX settlements in any of the forms the data comes in, told apart by the header:
 * <ul>
 * <li><b>long</b>: {@code trade_date,expiry,settle[,...]}, one row per contract and day;</li>
 * <li><b>wide with expiries</b>: {@code trade_date,m1_expiry,m1_settle,...,mN_expiry,mN_settle};</li>
 * <li><b>wide by rank</b>: a date column and {@code M1..Mn} (R's quoted row index and other columns ignored);
 * rank k is the k-th listed expiry after the day ({@link VxCalendar}), since such files have already rolled on an
 * expiry day;</li>
 * <li><b>Cboe per contract</b>: {@code Trade Date,Futures,Open,High,Low,Close,Settle,...}, one contract per file,
 * named in the Futures column as {@code F (Jan 14)} or {@code F (Jan 2014)}; Cboe quoted VX at 10× the index
 * before 2007-03-26, so those settlements are divided by 10.</li>
 * </ul>
 * Empty cells, {@code NA} and 0 are gaps; a negative or unreadable price is an error naming file and line.
 */
public final class VxCurveCsv {

    /** Cboe rescaled VX from 10× to 1× VIX on this trade date. */
    static final LocalDate CBOE_RESCALED = LocalDate.of(2007, 3, 26);
    private static final Pattern CBOE_CONTRACT = Pattern.compile("\\(([A-Za-z]{3})\\w*\\s+'?(\\d{2}|\\d{4})\\)");

    private VxCurveCsv() {
    }

    /** Reads one file or several (e.g. one Cboe file per contract) into one history. */
    public static VxCurveHistory read(List<Path> paths) {
        VxCurveHistory out = VxCurveHistory.empty();
        for (Path p : paths) {
            out = out.merge(read(p));
        }
        return out;
    }

    public static VxCurveHistory read(Path path) {
        CsvFile csv = CsvFile.read(path);
        if (csv.has("futures") && csv.has("settle")) {
            return cboeContract(csv);
        }
        if (csv.has("expiry") && csv.has("settle")) {
            return longFormat(csv);
        }
        if (csv.has("m1_expiry") && csv.has("m1_settle")) {
            return wideWithExpiries(csv);
        }
        if (csv.has("m1")) {
            return wideByRank(csv);
        }
        throw new DataRowException(path, 1, "not a VX curve: expected trade_date,expiry,settle (long), "
                + "trade_date,m1_expiry,m1_settle,... (wide), date,M1,M2,... or Cboe's Trade Date,Futures,...,Settle; "
                + "header was " + csv.header);
    }

    private static VxCurveHistory longFormat(CsvFile csv) {
        int date = csv.column("trade_date", "trade date", "date");
        int expiry = csv.column("expiry");
        int settle = csv.column("settle");
        Map<LocalDate, Map<LocalDate, Double>> out = new TreeMap<>();
        for (CsvFile.Row row : csv.rows) {
            put(csv, row, out, csv.date(row, date), csv.date(row, expiry), price(csv, row, settle));
        }
        return new VxCurveHistory(new TreeMap<>(out));
    }

    private static VxCurveHistory wideWithExpiries(CsvFile csv) {
        int date = csv.column("trade_date", "trade date", "date");
        List<int[]> pairs = new ArrayList<>();
        for (int m = 1; csv.has("m" + m + "_expiry"); m++) {
            pairs.add(new int[] {csv.column("m" + m + "_expiry"), csv.column("m" + m + "_settle")});
        }
        Map<LocalDate, Map<LocalDate, Double>> out = new TreeMap<>();
        for (CsvFile.Row row : csv.rows) {
            LocalDate day = csv.date(row, date);
            out.computeIfAbsent(day, k -> new HashMap<>());
            for (int[] pair : pairs) {
                String expiryText = pair[0] < row.cells().size() ? csv.cell(row, pair[0]) : "";
                if (expiryText.isEmpty() || expiryText.equalsIgnoreCase("NA")) {
                    continue;
                }
                put(csv, row, out, day, csv.date(row, pair[0]), price(csv, row, pair[1]));
            }
        }
        return new VxCurveHistory(new TreeMap<>(out));
    }

    private static VxCurveHistory wideByRank(CsvFile csv) {
        int date = csv.column("date", "trade_date");
        List<Integer> ranks = new ArrayList<>();
        for (int m = 1; csv.has("m" + m); m++) {
            ranks.add(csv.column("m" + m));
        }
        Map<LocalDate, Map<LocalDate, Double>> out = new TreeMap<>();
        for (CsvFile.Row row : csv.rows) {
            LocalDate day = csv.date(row, date);
            out.computeIfAbsent(day, k -> new HashMap<>());
            List<LocalDate> listed = VxCalendar.expiriesOnOrAfter(day.plusDays(1), ranks.size());
            for (int k = 0; k < ranks.size(); k++) {
                put(csv, row, out, day, listed.get(k), price(csv, row, ranks.get(k)));
            }
        }
        return new VxCurveHistory(new TreeMap<>(out));
    }

    private static VxCurveHistory cboeContract(CsvFile csv) {
        int date = csv.column("trade date", "trade_date", "date");
        int futures = csv.column("futures");
        int settle = csv.column("settle");
        Map<LocalDate, Map<LocalDate, Double>> out = new TreeMap<>();
        for (CsvFile.Row row : csv.rows) {
            LocalDate day = csv.date(row, date);
            LocalDate expiry = VxCalendar.expiry(contractMonth(csv, row, futures));
            double value = price(csv, row, settle);
            put(csv, row, out, day, expiry, day.isBefore(CBOE_RESCALED) ? value / 10 : value);
        }
        return new VxCurveHistory(new TreeMap<>(out));
    }

    /** The contract month of Cboe's Futures cell, e.g. {@code F (Jan 14)} or {@code K (May 2019)}. */
    private static YearMonth contractMonth(CsvFile csv, CsvFile.Row row, int column) {
        String text = csv.cell(row, column);
        Matcher m = CBOE_CONTRACT.matcher(text);
        if (m.find()) {
            for (Month month : Month.values()) {
                if (month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equalsIgnoreCase(m.group(1))) {
                    int year = Integer.parseInt(m.group(2));
                    return YearMonth.of(year < 100 ? 2000 + year : year, month);
                }
            }
        }
        throw new DataRowException(csv.path, row.line(), "cannot read the contract month of '" + text
                + "' (expected e.g. 'F (Jan 14)')");
    }

    private static double price(CsvFile csv, CsvFile.Row row, int column) {
        double value = csv.numberOrGap(row, column);
        if (value < 0 || Double.isInfinite(value)) {
            throw new DataRowException(csv.path, row.line(), "settlement must not be negative, was " + value);
        }
        return value == 0 ? Double.NaN : value;
    }

    private static void put(CsvFile csv, CsvFile.Row row, Map<LocalDate, Map<LocalDate, Double>> out, LocalDate day,
                            LocalDate expiry, double settle) {
        Map<LocalDate, Double> curve = out.computeIfAbsent(day, k -> new HashMap<>());
        if (Double.isNaN(settle)) {
            return;
        }
        if (expiry.isBefore(day)) {
            throw new DataRowException(csv.path, row.line(), "expiry " + expiry + " is before the trade date " + day);
        }
        if (curve.put(expiry, settle) != null) {
            throw new DataRowException(csv.path, row.line(), "contract " + expiry + " appears twice on " + day);
        }
    }
}

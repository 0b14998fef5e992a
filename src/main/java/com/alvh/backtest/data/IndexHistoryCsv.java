package com.alvh.backtest.data;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.TreeMap;

/**
 * Reads daily index history: Cboe's {@code DATE,OPEN,HIGH,LOW,CLOSE} (ISO or MM/DD/YYYY dates) and the plain
 * {@code date,open,high,low,close[,volume]} form alike, since only the date and close columns are used.
 */
public final class IndexHistoryCsv {

    private IndexHistoryCsv() {
    }

    public static DailyCloses read(Path path) {
        CsvFile csv = CsvFile.read(path);
        int date = csv.column("date");
        int close = csv.column("close");
        TreeMap<LocalDate, Double> closes = new TreeMap<>();
        for (CsvFile.Row row : csv.rows) {
            LocalDate day = csv.date(row, date);
            double value = csv.number(row, close);
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new DataRowException(path, row.line(), "close must be a positive number, was " + value);
            }
            if (closes.put(day, value) != null) {
                throw new DataRowException(path, row.line(), "date " + day + " appears twice");
            }
        }
        return new DailyCloses(path.getFileName().toString(), closes);
    }
}

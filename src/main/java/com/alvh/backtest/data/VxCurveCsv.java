package com.alvh.backtest.data;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Reads a wide VX curve: a date column and columns M1, M2, ... (any other column, such as the quoted row index
 * of files written by R, is ignored). NA, empty cells and zeros are gaps, not prices.
 */
public final class VxCurveCsv {

    private VxCurveCsv() {
    }

    public static VxCurveHistory read(Path path) {
        CsvFile csv = CsvFile.read(path);
        int date = csv.column("date");
        List<Integer> maturities = new ArrayList<>();
        for (int m = 1; csv.header.contains("m" + m); m++) {
            maturities.add(csv.header.indexOf("m" + m));
        }
        if (maturities.isEmpty()) {
            throw new DataRowException(path, 1, "no maturity columns M1, M2, ... in header " + csv.header);
        }
        TreeMap<LocalDate, double[]> byDate = new TreeMap<>();
        for (CsvFile.Row row : csv.rows) {
            double[] prices = new double[maturities.size()];
            for (int k = 0; k < prices.length; k++) {
                String text = csv.cell(row, maturities.get(k));
                double value = text.isEmpty() || text.equalsIgnoreCase("NA") ? Double.NaN : csv.number(row, maturities.get(k));
                if (value < 0) {
                    throw new DataRowException(path, row.line(), "negative price " + value);
                }
                prices[k] = value == 0 ? Double.NaN : value;
            }
            byDate.put(csv.date(row, date), prices);
        }
        return new VxCurveHistory(byDate);
    }
}

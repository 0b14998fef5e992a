package com.alvh.backtest.report;

import java.util.Locale;

/** Numbers as a reader of the report expects them: whole dollars with separators, a dash for what has no value. */
public final class Fmt {

    private Fmt() {
    }

    public static String dollars(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,.0f", v) : "–";
    }

    public static String ratio(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : "–";
    }

    public static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.2f%%", fraction * 100) : "–";
    }
}

package com.alvh.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * {@code String.format(Locale.US, "%.4g", value)}, character for character, without a {@link java.util.Formatter}:
 * the signal catalogue writes twenty numbers per evaluation, and the formatter (its parsing, its locale lookups)
 * cost about a tenth of the whole evaluation. Same rules as the JDK's: the shortest decimal that reads back as the
 * double ({@link Double#toString}) is rounded half-up to four significant digits; the result is written in plain
 * notation from 10^-4 up to, not including, 10^4, otherwise as {@code d.ddde±xx}.
 */
final class SignificantDigits {

    private static final int DIGITS = 4;
    private static final MathContext ROUNDING = new MathContext(DIGITS, RoundingMode.HALF_UP);
    private static final BigDecimal PLAIN_FROM = new BigDecimal("1e-4");
    private static final BigDecimal PLAIN_BELOW = BigDecimal.TEN.pow(DIGITS);

    private SignificantDigits() {
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        String sign = Double.compare(value, 0.0) < 0 ? "-" : "";
        if (Double.isInfinite(value)) {
            return sign + "Infinity";
        }
        if (value == 0) {
            return sign + "0." + "0".repeat(DIGITS - 1);
        }
        BigDecimal rounded = new BigDecimal(Double.toString(Math.abs(value))).round(ROUNDING);
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (rounded.compareTo(PLAIN_FROM) >= 0 && rounded.compareTo(PLAIN_BELOW) < 0) {
            return sign + rounded.setScale(DIGITS - 1 - exponent, RoundingMode.UNNECESSARY).toPlainString();
        }
        String digits = rounded.unscaledValue().toString();
        digits = (digits + "0".repeat(DIGITS)).substring(0, DIGITS);
        int magnitude = Math.abs(exponent);
        return sign + digits.charAt(0) + "." + digits.substring(1) + "e" + (exponent < 0 ? "-" : "+")
                + (magnitude < 10 ? "0" : "") + magnitude;
    }
}

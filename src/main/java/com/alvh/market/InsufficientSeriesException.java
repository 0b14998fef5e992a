package com.alvh.market;

/**
 * Thrown when a price or breadth series is too short for the indicator asked of it.
 *
 * <p>It carries the series name as the caller knows it (for example {@code spxClose}) so that an
 * API layer can point at the offending input field instead of at an internal array.
 */
public class InsufficientSeriesException extends RuntimeException {

    private final String series;
    private final int needed;
    private final int actual;

    /**
     * @param series    name of the input series, e.g. {@code spxClose}
     * @param indicator label of what was asked, e.g. {@code RSI(14)}
     * @param needed    number of bars the indicator needs
     * @param actual    number of bars supplied
     */
    public InsufficientSeriesException(String series, String indicator, int needed, int actual) {
        super(series + " has " + actual + " bars; " + indicator + " needs " + needed);
        this.series = series;
        this.needed = needed;
        this.actual = actual;
    }

    /** Name of the series that was too short. */
    public String series() {
        return series;
    }

    /** Number of bars the indicator needs. */
    public int needed() {
        return needed;
    }

    /** Number of bars that were supplied. */
    public int actual() {
        return actual;
    }

    /** Throws when {@code actual < needed}; a one-line guard for indicator entry points. */
    public static void require(String series, String indicator, int needed, int actual) {
        if (actual < needed) {
            throw new InsufficientSeriesException(series, indicator, needed, actual);
        }
    }
}

package com.alvh.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.alvh.evaluation.request.IndicatorsInput;
import com.alvh.evaluation.request.MarketInput;
import com.alvh.evaluation.request.SeriesInput;
import com.alvh.market.Indicators;
import com.alvh.market.InsufficientSeriesException;
import com.alvh.market.indicator.Breadth;
import com.alvh.market.indicator.Macd;
import com.alvh.market.indicator.Rsi;
import com.alvh.strategy.Profile;

/**
 * Indicators for the rules: each one given by the client wins, a missing one is derived from the daily series.
 * An indicator that can be neither is left null and its reason kept: the signals needing it are then unavailable
 * (see {@link MissingInputs}), or the request is refused if the profile requires it.
 */
final class IndicatorDerivation {

    /** Indicators plus where each came from ("given" or "derived") and why any is missing. */
    record Result(Indicators indicators, Map<String, String> sources, Map<String, Violation> missing) {
    }

    private static final int RSI_PERIOD = 14;
    private static final int MACD_FAST = 12;
    private static final int MACD_SLOW = 26;
    private static final int MACD_SIGNAL = 9;

    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, Violation> missing = new LinkedHashMap<>();
    /** Series as arrays, converted once: SPX closes feed RSI, MACD and breadth alike. */
    private final Map<String, double[]> arrays = new java.util.HashMap<>();
    private final SeriesInput series;

    private IndicatorDerivation(SeriesInput series) {
        this.series = series == null ? new SeriesInput(null, null, null, null) : series;
    }

    static Result derive(MarketInput market, Profile profile) {
        IndicatorsInput given = market.indicators() == null ? new IndicatorsInput(null, null, null, null) : market.indicators();
        IndicatorDerivation d = new IndicatorDerivation(market.series());
        Double spxRsi = d.pick("spxRsi14", given.spxRsi14(), () -> Rsi.last("spxClose", d.closes("spxClose"), RSI_PERIOD));
        Double vixRsi = d.pick("vixRsi14", given.vixRsi14(), () -> Rsi.last("vixClose", d.closes("vixClose"), RSI_PERIOD));
        Macd.MacdValue macd = given.macd() != null ? d.givenMacd(given.macd()) : d.pick("macd", null,
                () -> Macd.last("spxClose", d.closes("spxClose"), MACD_FAST, MACD_SLOW, MACD_SIGNAL));
        Breadth.Divergence breadth = given.breadth() != null
                ? d.given("breadth", new Breadth.Divergence(given.breadth().spxAtHigh(), given.breadth().adLineBelowHighPct(), false))
                : d.pick("breadth", null, () -> d.breadth(profile));
        Indicators indicators = new Indicators(spxRsi, vixRsi,
                macd == null ? null : macd.macd(), macd == null ? null : macd.signal(),
                macd == null ? null : macd.histogram(), macd == null ? null : macd.crossover().name(),
                breadth == null ? null : breadth.spxAtHigh(), breadth == null ? null : breadth.adLineBelowHighPct());
        // insertion order, not Map.copyOf: its iteration order changes from one JVM to the next, and these maps are
        // written into answers, which must not change across restarts
        return new Result(indicators, java.util.Collections.unmodifiableMap(d.sources),
                java.util.Collections.unmodifiableMap(d.missing));
    }

    private Macd.MacdValue givenMacd(IndicatorsInput.MacdInput m) {
        double histogram = m.histogram() != null ? m.histogram() : m.macd() - m.signal();
        Macd.Crossover crossover = m.crossover() == null ? Macd.Crossover.NONE : Macd.Crossover.valueOf(m.crossover());
        return given("macd", new Macd.MacdValue(m.macd(), m.signal(), histogram, crossover));
    }

    private <T> T given(String name, T value) {
        sources.put(name, "given");
        return value;
    }

    private <T> T pick(String name, T given, Supplier<T> derive) {
        if (given != null) {
            return given(name, given);
        }
        try {
            T value = derive.get();
            sources.put(name, "derived");
            return value;
        } catch (InsufficientSeriesException e) {
            String field = e.actual() == 0 ? "market.indicators." + name : "market.series." + e.series();
            missing.put(name, new Violation(field,
                    indicatorLabel(name) + " is missing: " + e.getMessage()
                            + "; give market.indicators." + name + " or a longer series"));
            return null;
        } catch (IllegalArgumentException e) {
            missing.put(name, new Violation("market.series", indicatorLabel(name) + " cannot be derived: " + e.getMessage()));
            return null;
        }
    }

    private Breadth.Divergence breadth(Profile profile) {
        double[] adLine = Breadth.advanceDeclineLine(closes("advances"), closes("declines"));
        return Breadth.bearish("spxClose", closes("spxClose"), "advances", adLine, profile.breadthLookbackDays(),
                profile.breadthDivergencePct());
    }

    private double[] closes(String name) {
        return arrays.computeIfAbsent(name, this::toArray);
    }

    private double[] toArray(String name) {
        List<Double> values = switch (name) {
            case "spxClose" -> series.spxClose();
            case "vixClose" -> series.vixClose();
            case "advances" -> series.advances();
            default -> series.declines();
        };
        return values == null ? new double[0] : values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String indicatorLabel(String name) {
        return switch (name) {
            case "spxRsi14" -> "spxRsi14 (RSI(14) of SPX)";
            case "vixRsi14" -> "vixRsi14 (RSI(14) of VIX)";
            case "macd" -> "macd (MACD(12,26,9) of SPX)";
            default -> "breadth (advance-decline divergence; give market.indicators.breadth or market.series.advances"
                    + " and market.series.declines)";
        };
    }
}

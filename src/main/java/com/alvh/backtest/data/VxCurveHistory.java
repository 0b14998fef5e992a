package com.alvh.backtest.data;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Daily VX settlements by contract: for each trade date, the settlement of each quoted expiry. Keyed by the
 * contract's own expiry (not by rank), so a layer is always priced from the settlement of the contract it holds.
 * A day or an expiry without a quote is simply absent.
 */
public record VxCurveHistory(NavigableMap<LocalDate, Map<LocalDate, Double>> byDate) {

    public VxCurveHistory {
        TreeMap<LocalDate, Map<LocalDate, Double>> copy = new TreeMap<>();
        byDate.forEach((d, m) -> copy.put(d, Map.copyOf(m)));
        byDate = Collections.unmodifiableNavigableMap(copy);
    }

    public static VxCurveHistory empty() {
        return new VxCurveHistory(new TreeMap<>());
    }

    /** Settlement of the contract expiring on {@code expiry} at the close of {@code date}, NaN when not quoted. */
    public double settle(LocalDate date, LocalDate expiry) {
        Double v = byDate.getOrDefault(date, Map.of()).get(expiry);
        return v == null ? Double.NaN : v;
    }

    /** Settlements of the day by expiry, empty when the day is not in the file. */
    public Map<LocalDate, Double> on(LocalDate date) {
        return byDate.getOrDefault(date, Map.of());
    }

    /** This history with {@code other}'s quotes added; a contract-day quoted by both keeps this one's. */
    public VxCurveHistory merge(VxCurveHistory other) {
        TreeMap<LocalDate, Map<LocalDate, Double>> out = new TreeMap<>();
        other.byDate.forEach((d, m) -> out.put(d, new HashMap<>(m)));
        byDate.forEach((d, m) -> out.computeIfAbsent(d, k -> new HashMap<>()).putAll(m));
        return new VxCurveHistory(out);
    }

    /** Number of contract-day settlements held. */
    public int size() {
        return byDate.values().stream().mapToInt(Map::size).sum();
    }
}

package com.alvh.backtest;

import java.util.List;
import java.util.Map;

/**
 * Every layer change of one arm, and the hedge P&L of the layers each rule opened (closed layers realised, layers
 * still held marked on the last day; costs included, so the values add up to the arm's hedge P&L).
 */
public record HedgeLedger(List<LayerEvent> events, Map<String, Double> pnlByOpeningRule) {

    public static final HedgeLedger EMPTY = new HedgeLedger(List.of(), Map.of());

    public HedgeLedger {
        events = List.copyOf(events);
        pnlByOpeningRule = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(pnlByOpeningRule));
    }
}

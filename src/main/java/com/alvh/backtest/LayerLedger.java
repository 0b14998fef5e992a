package com.alvh.backtest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Records an arm's layer changes as {@link LayerEvent}s and attributes each layer's P&L (costs included) to the rule
 * that proposed opening it: the first of the opening action's reasons (sizing and limit rules, which only shaped the
 * action, follow it). A roll is a close then an open of the same tranche: one ROLLED event, and the tranche keeps its
 * opener.
 */
final class LayerLedger {

    private LayerEvent.Kind pendingKind;
    private String pendingRule = "unnamed";
    private String pendingOpener = "unnamed";
    private final List<LayerEvent> events = new ArrayList<>();
    private final Map<Integer, String> openers = new TreeMap<>();
    private final Map<String, Double> pnlByOpener = new TreeMap<>();

    /** What the next opens and closes are, and the rules behind them (set by the policy before it trades). */
    void decide(LayerEvent.Kind kind, List<String> rules) {
        pendingKind = kind;
        pendingRule = rules.isEmpty() ? "unnamed" : String.join(", ", rules);
        pendingOpener = rules.isEmpty() ? "unnamed" : rules.get(0);
    }

    void opened(LocalDate date, HedgeLayer layer, double cost) {
        boolean roll = pendingKind == LayerEvent.Kind.ROLLED;
        String opener = roll ? openers.getOrDefault(layer.tranche(), pendingOpener) : pendingOpener;
        openers.put(layer.tranche(), opener);
        pnlByOpener.merge(opener, -cost, Double::sum);
        if (!roll) {
            events.add(new LayerEvent(date, LayerEvent.Kind.OPENED, layer.tranche(), layer.instrument(), layer.expiry(),
                    null, layer.contracts(), layer.entryPrice(), pendingRule, opener, Double.NaN));
        } else if (!events.isEmpty() && events.get(events.size() - 1).kind() == LayerEvent.Kind.ROLLED) {
            LayerEvent closed = events.remove(events.size() - 1);
            events.add(new LayerEvent(closed.date(), closed.kind(), layer.tranche(), layer.instrument(), closed.expiry(),
                    layer.expiry(), layer.contracts(), closed.price(), closed.rule(), opener, closed.pnl()));
        }
    }

    /** A layer closed by a decision (CLOSED, or the first half of a ROLLED). */
    void closed(LocalDate date, HedgeLayer layer, double exit, double exitCost, double entryCost) {
        LayerEvent.Kind kind = pendingKind == LayerEvent.Kind.ROLLED ? LayerEvent.Kind.ROLLED : LayerEvent.Kind.CLOSED;
        record(date, kind, layer, exit, exitCost, entryCost, pendingRule);
    }

    /** A layer held to its expiry and settled. */
    void expired(LocalDate date, HedgeLayer layer, double exit, double exitCost, double entryCost) {
        record(date, LayerEvent.Kind.EXPIRED, layer, exit, exitCost, entryCost, "expiry");
    }

    private void record(LocalDate date, LayerEvent.Kind kind, HedgeLayer l, double exit, double exitCost, double entryCost,
                        String rule) {
        double gross = (exit - l.entryPrice()) * l.multiplier() * l.contracts();
        String opener = openers.getOrDefault(l.tranche(), "unnamed");
        pnlByOpener.merge(opener, gross - exitCost, Double::sum);
        events.add(new LayerEvent(date, kind, l.tranche(), l.instrument(), l.expiry(), null, l.contracts(), exit, rule,
                opener, gross - exitCost - entryCost));
    }

    /** The events so far, and the P&L per opening rule with the layers still {@code held} marked at {@code day}. */
    HedgeLedger snapshot(List<HedgeLayer> held, MarketDay day) {
        Map<String, Double> pnl = new TreeMap<>(pnlByOpener);
        for (HedgeLayer l : held) {
            pnl.merge(openers.getOrDefault(l.tranche(), "unnamed"),
                    (VxPricing.price(day, l.expiry()) - l.entryPrice()) * l.multiplier() * l.contracts(), Double::sum);
        }
        return new HedgeLedger(events, pnl);
    }
}

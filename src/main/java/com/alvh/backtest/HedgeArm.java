package com.alvh.backtest;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The hedge book of one arm. Futures cost no premium: closing realises (exit − entry) × multiplier × contracts;
 * each contract side pays commission, exchange fee and half the spread. A layer still held on its expiry settles
 * at that day's VIX close (a stand-in for the opening settlement quotation). Carry is an attribution, not cash:
 * each day a layer is expected to lose (future − VIX) / days-to-expiry per unit as it rolls down to spot.
 */
final class HedgeArm {

    final String name;
    private final BacktestConfig config;
    private final List<HedgeLayer> layers = new ArrayList<>();
    private final Map<String, Integer> actionsPerRule = new TreeMap<>();
    private double cash;
    private double tradingCosts;
    private double carry;
    private LocalDate lastRemoval;
    private int layerDays;
    private int modelledDays;
    private final LayerLedger ledger = new LayerLedger();

    HedgeArm(String name, BacktestConfig config) {
        this.name = name;
        this.config = config;
    }

    /**
     * Names what the next {@link #open}/{@link #close} calls do and the rules behind them, for the ledger (see
     * {@link LayerLedger}).
     */
    void decide(LayerEvent.Kind kind, List<String> rules) {
        ledger.decide(kind, rules);
    }

    void open(MarketDay day, int tranche, String instrument, LocalDate expiry, int contracts) {
        HedgeLayer layer = new HedgeLayer(tranche, instrument, expiry, contracts, VxPricing.price(day, expiry), day.date());
        layers.add(layer);
        double cost = contracts * config.vxSideCost(layer.multiplier());
        pay(cost);
        ledger.opened(day.date(), layer, cost);
    }

    /** Closes the layer of {@code tranche}, if held, at the day's price. */
    Optional<HedgeLayer> close(MarketDay day, int tranche) {
        Optional<HedgeLayer> layer = layers.stream().filter(l -> l.tranche() == tranche).findFirst();
        layer.ifPresent(l -> {
            layers.remove(l);
            double exit = VxPricing.price(day, l.expiry());
            cash += (exit - l.entryPrice()) * l.multiplier() * l.contracts();
            double cost = l.contracts() * config.vxSideCost(l.multiplier());
            pay(cost);
            ledger.closed(day.date(), l, exit, cost, cost);
        });
        return layer;
    }

    /** The layer changes so far and the P&L per opening rule, layers still held marked at {@code lastDay}. */
    HedgeLedger ledger(MarketDay lastDay) {
        return ledger.snapshot(layers, lastDay);
    }

    void removed(LocalDate date) {
        lastRemoval = date;
    }

    /**
     * Settles layers expiring on or before the day, before any decision is taken on them: at the contract's final
     * settlement when the curve has it (the curve carries it on the expiry day), else at the VIX close.
     */
    void settleExpired(MarketDay day) {
        for (HedgeLayer l : List.copyOf(layers)) {
            if (!l.expiry().isAfter(day.date())) {
                layers.remove(l);
                double finalSettlement = l.expiry().equals(day.date()) ? VxPricing.quoted(day, l.expiry()) : Double.NaN;
                double exit = Double.isNaN(finalSettlement) ? day.vix() : finalSettlement;
                cash += (exit - l.entryPrice()) * l.multiplier() * l.contracts();
                double cost = l.contracts() * (config.vxCommission() + config.vxExchangeFee());
                pay(cost);
                ledger.expired(day.date(), l, exit, cost, l.contracts() * config.vxSideCost(l.multiplier()));
            }
        }
    }

    /** Accrues the day's expected roll-down of the layers held at the close, and counts how they were priced. */
    void accrueCarry(MarketDay day) {
        if (!layers.isEmpty()) {
            layerDays++;
            if (layers.stream().anyMatch(l -> VxPricing.modelled(day, l.expiry()))) {
                modelledDays++;
            }
        }
        for (HedgeLayer l : layers) {
            long dte = ChronoUnit.DAYS.between(day.date(), l.expiry());
            carry += (VxPricing.price(day, l.expiry()) - day.vix()) / dte * l.multiplier() * l.contracts();
        }
    }

    void count(String rule) {
        actionsPerRule.merge(rule, 1, Integer::sum);
    }

    private void pay(double amount) {
        cash -= amount;
        tradingCosts += amount;
    }

    double unrealised(MarketDay day) {
        return layers.stream().mapToDouble(l -> (VxPricing.price(day, l.expiry()) - l.entryPrice())
                * l.multiplier() * l.contracts()).sum();
    }

    List<HedgeLayer> layers() {
        return List.copyOf(layers);
    }

    LocalDate lastRemoval() {
        return lastRemoval;
    }

    double cash() {
        return cash;
    }

    double tradingCosts() {
        return tradingCosts;
    }

    double carry() {
        return carry;
    }

    int layerDays() {
        return layerDays;
    }

    int modelledDays() {
        return modelledDays;
    }

    /** By rule name, in a fixed order (written to result files that must not change from run to run). */
    Map<String, Integer> actionsPerRule() {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(actionsPerRule));
    }
}

package com.alvh.backtest;

import java.time.LocalDate;

/**
 * One change to an arm's hedge layers, for the report's markers and the per-rule attribution.
 *
 * @param kind     OPENED, ROLLED (the old layer closed and re-opened on {@code newExpiry}), CLOSED or EXPIRED
 * @param expiry   the expiry of the layer that was opened, or of the one that was closed or rolled away from
 * @param price    the VX price the layer traded (or settled) at
 * @param rule     the rule (or rules, comma separated) behind the action; "expiry" for a layer held to settlement
 * @param openedBy the rule that proposed opening the tranche (the first of the opening action's reasons; a roll keeps
 *                 it), to which the layer's P&L is attributed
 * @param pnl      for a layer taken off: (exit − entry) × multiplier × contracts less both sides' costs; NaN on OPENED
 */
public record LayerEvent(LocalDate date, Kind kind, int tranche, String instrument, LocalDate expiry,
                         LocalDate newExpiry, int contracts, double price, String rule, String openedBy, double pnl) {

    /** What happened to the layer. */
    public enum Kind { OPENED, ROLLED, CLOSED, EXPIRED }
}

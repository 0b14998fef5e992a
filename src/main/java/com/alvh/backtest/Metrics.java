package com.alvh.backtest;

import java.util.Map;

/**
 * Results of one arm, in dollars unless said otherwise.
 *
 * @param totalPnl         equity at the end (realised cash plus open positions marked)
 * @param irr              annual internal rate of return of the dated cash flows: capital in at the start, each
 *                         day's realised P&L out, capital and open marks out at the end; a fraction, NaN without root
 * @param maxDrawdown      largest fall of equity from a previous peak (≥ 0)
 * @param worstDay         most negative one-day change of equity
 * @param hedgeCost        trading costs of the layers plus their expected roll-down (carry)
 * @param rebalancingCosts condor adjustments' realised losses plus option commissions and slippage
 * @param hedgePnl         P&L of the layers net of their trading costs
 * @param coverageRatio    hedgePnl ÷ rebalancingCosts
 * @param actionsPerRule   hedge actions taken, counted per rule behind them
 * @param layerDays        days on which the arm held at least one layer at the close
 * @param modelledDays     of those, days on which a held layer had no settlement of its own contract and was
 *                         priced by the model (a gap in the curve file)
 */
public record Metrics(double totalPnl, double irr, double maxDrawdown, double worstDay, double hedgeCost,
                      double rebalancingCosts, double hedgePnl, double coverageRatio,
                      Map<String, Integer> actionsPerRule, int layerDays, int modelledDays) {
}

package com.alvh.backtest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Computes an arm's {@link Metrics} from its daily trace. */
final class ArmMetrics {

    private ArmMetrics() {
    }

    static Metrics of(List<LocalDate> dates, ArmRun run, HedgeArm arm, CondorBook condor, BacktestConfig config,
                      MarketDay lastDay) {
        List<Double> equity = run.equity();
        double peak = 0;
        double drawdown = 0;
        double worst = 0;
        double previous = 0;
        for (double e : equity) {
            peak = Math.max(peak, e);
            drawdown = Math.max(drawdown, peak - e);
            worst = Math.min(worst, e - previous);
            previous = e;
        }
        double total = equity.get(equity.size() - 1);
        double hedgePnl = arm.cash() + arm.unrealised(lastDay);
        double costs = condor.rebalancingCosts();
        return new Metrics(round(total), Xirr.of(flows(dates, run, config)), round(drawdown), round(worst),
                round(arm.tradingCosts() + arm.carry()), round(costs), round(hedgePnl),
                costs == 0 ? Double.NaN : Math.round(hedgePnl / costs * 1e4) / 1e4, arm.actionsPerRule(),
                arm.layerDays(), arm.modelledDays());
    }

    /**
     * −capital on the first day, then each day's realised P&L as paid out, then +capital and the open positions'
     * marks on the last day. P&L rather than premium cash, so a condor's credit is not a flow until it is earned.
     */
    static List<Xirr.Flow> flows(List<LocalDate> dates, ArmRun run, BacktestConfig config) {
        List<Xirr.Flow> flows = new ArrayList<>();
        double previous = 0;
        for (int i = 0; i < dates.size(); i++) {
            double cash = run.realised().get(i) - previous;
            previous = run.realised().get(i);
            if (i == 0) {
                cash -= config.capital();
            }
            if (i == dates.size() - 1) {
                cash += config.capital() + run.equity().get(i) - run.realised().get(i);
            }
            flows.add(new Xirr.Flow(dates.get(i), cash));
        }
        return flows;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}

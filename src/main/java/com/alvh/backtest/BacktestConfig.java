package com.alvh.backtest;

/**
 * Every parameter of a backtest, with {@link #defaults()}. Dollar amounts are per contract and per side.
 *
 * @param condorContracts      condors held at a time
 * @param targetDte            calendar days to expiry wanted when opening (the monthly third Friday nearest it)
 * @param shortDelta           |delta| of the short strikes when opening or re-opening a side
 * @param wingWidth            SPX points between a short and its long strike
 * @param profitTargetPct      close when the condor can be bought back for (1 − this) of its credit
 * @param closeAtDte           close when this few calendar days are left
 * @param optionCommission     $ per SPX option contract per side (each of the four legs is a contract)
 * @param optionHalfSpread     SPX points paid to cross half the bid-ask spread, per option contract
 * @param vxCommission         $ per VX (or Mini VX) contract per side
 * @param vxExchangeFee        $ per VX contract per side
 * @param vxHalfSpread         VIX points of slippage per contract side: half a 0.05 tick spread
 * @param staticHedgeRatio     hedge ratio held by the static arm
 * @param seriesDays           closes passed to the rules for RSI/MACD (MACD 12/26/9 needs at least 34)
 * @param eventHorizonDays     calendar days ahead for which scheduled events are passed to the rules
 * @param capital              capital committed at the start, the first cash flow of the IRR
 */
public record BacktestConfig(int condorContracts, int targetDte, double shortDelta, double wingWidth,
                             double profitTargetPct, int closeAtDte, double optionCommission, double optionHalfSpread,
                             double vxCommission, double vxExchangeFee, double vxHalfSpread, double staticHedgeRatio,
                             int seriesDays, int eventHorizonDays, double capital) {

    public static BacktestConfig defaults() {
        // Capital defaults to the condors' maximum loss: 10 × 50 points × $100.
        return new BacktestConfig(10, 45, 0.16, 50, 50, 21, 1.00, 0.05, 1.50, 1.00, 0.025, 0.5, 60, 40, 50_000);
    }

    /** Trading cost of one VX contract side in $ for an instrument with this multiplier. */
    public double vxSideCost(int multiplier) {
        return vxCommission + vxExchangeFee + vxHalfSpread * multiplier;
    }

    /** Trading cost of one SPX option contract side in $. */
    public double optionSideCost() {
        return optionCommission + optionHalfSpread * 100;
    }
}

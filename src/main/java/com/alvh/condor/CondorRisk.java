package com.alvh.condor;

/**
 * Risk facts of an iron condor at one evaluation date, derived before the rules run.
 *
 * @param daysToExpiry                calendar days from the evaluation date to expiry
 * @param breakEvenLower              SPX level at expiry below which the position loses: putShort − credit
 * @param breakEvenUpper              SPX level at expiry above which the position loses: callShort + credit
 * @param maxLoss                     worst loss at expiry in $, positive: (widest wing − credit) × 100 × contracts
 * @param distanceToLowerPct          (SPX − breakEvenLower) / SPX × 100; negative once SPX is below it
 * @param distanceToUpperPct          (breakEvenUpper − SPX) / SPX × 100; negative once SPX is above it
 * @param distanceToLowerSigma        points to the lower break-even over the expected move σ
 * @param distanceToUpperSigma        points to the upper break-even over the expected move σ
 * @param dollarVega                  $ P&amp;L per 1 vol point rise (the position's vega)
 * @param dollarGamma                 $ P&amp;L from gamma alone for a 1% SPX move: ½ · gamma · (0.01 · SPX)²
 * @param rebalancingCosts            rebalancing (CL) costs so far in $
 * @param rebalancingCostsPctOfCredit those costs as % of the credit received in $
 */
public record CondorRisk(int daysToExpiry, double breakEvenLower, double breakEvenUpper, double maxLoss,
                         double distanceToLowerPct, double distanceToUpperPct,
                         double distanceToLowerSigma, double distanceToUpperSigma,
                         double dollarVega, double dollarGamma,
                         double rebalancingCosts, double rebalancingCostsPctOfCredit) {
}

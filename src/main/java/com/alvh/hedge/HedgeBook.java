package com.alvh.hedge;

/**
 * The hedge book summarised for the rules.
 *
 * @param ratio                current hedge ratio: layers × tranche increment
 * @param layerCount           number of layers on
 * @param daysSinceLastAdd     calendar days since the newest layer was opened ({@link #NEVER} when none)
 * @param daysSinceLastRemoval calendar days since the last removal, as given by the client ({@link #NEVER} when unknown)
 * @param monthlyCarry         expected roll-down cost over the next 30 days in $ (negative when the curve pays)
 * @param carryPctOfCredit     monthlyCarry as % of the condor's credit
 * @param pnl                  mark-to-market P&L of all layers in $
 */
public record HedgeBook(double ratio, int layerCount, int daysSinceLastAdd, int daysSinceLastRemoval,
                        double monthlyCarry, double carryPctOfCredit, double pnl) {

    /** Stands for "no such action on record": larger than any cooldown. */
    public static final int NEVER = 100_000;
}

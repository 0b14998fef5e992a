package com.alvh.hedge;

import java.time.LocalDate;

/**
 * One hedge layer as the rules see it.
 *
 * @param tranche       tranche number (1 = first layer put on)
 * @param instrument    {@code VX} or {@code VXM}
 * @param maturityIndex position of its expiry among the listed VX maturities on the curve (0 = front), -1 if not listed
 * @param markPrice     current price of its maturity on the curve, null when the curve does not list it
 * @param pnl           (markPrice − entryPrice) × multiplier × contracts, 0 when the mark is unknown
 */
public record Layer(int tranche, String instrument, LocalDate expiry, int contracts, double entryPrice,
                    LocalDate openedAt, int daysToExpiry, int maturityIndex, Double markPrice, double pnl) {
}

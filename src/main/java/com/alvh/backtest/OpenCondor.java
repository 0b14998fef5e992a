package com.alvh.backtest;

import java.time.LocalDate;
import java.util.List;

import com.alvh.condor.CondorLegs;

/**
 * The condor currently held. Credits are per share as received for each side, so re-opening a tested side
 * replaces that side's credit; {@code costs} are the rebalancing costs paid on this condor so far; {@code spxAtOpen} is SPX
 * when the short strikes were last placed (opening, or re-opening a tested side).
 */
record OpenCondor(String id, CondorLegs legs, LocalDate expiry, int contracts, double putCredit, double callCredit,
                  LocalDate openedAt, List<CondorCost> costs, double spxAtOpen) {

    OpenCondor {
        costs = List.copyOf(costs);
    }

    double credit() {
        return putCredit + callCredit;
    }

    /** One rebalancing cost: kind is ADJUSTMENT (the realised loss) or COMMISSION (commissions and slippage). */
    record CondorCost(LocalDate date, double amount, String kind) {
    }
}

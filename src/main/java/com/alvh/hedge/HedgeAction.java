package com.alvh.hedge;

import java.time.LocalDate;
import java.util.List;

/**
 * One action of a decision. For ROLL_LAYER, {@code expiry} is the new maturity, {@code rollFrom} the old one
 * and {@code rollCost} the price difference paid (negative when the roll earns). HOLD leaves layer fields null.
 */
public record HedgeAction(ActionType type, Integer tranche, String instrument, LocalDate expiry, Integer contracts,
                          LocalDate rollFrom, Double rollCost, List<Reason> reasons) {

    public HedgeAction {
        reasons = List.copyOf(reasons);
    }

    public static HedgeAction hold(List<Reason> reasons) {
        return new HedgeAction(ActionType.HOLD, null, null, null, null, null, null, reasons);
    }
}

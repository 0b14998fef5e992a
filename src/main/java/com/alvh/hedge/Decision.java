package com.alvh.hedge;

import java.util.List;

/** The layering decision: its actions and the hedge ratio before and after them. */
public record Decision(List<HedgeAction> actions, double hedgeRatioBefore, double hedgeRatioAfter) {

    public Decision {
        actions = List.copyOf(actions);
    }
}

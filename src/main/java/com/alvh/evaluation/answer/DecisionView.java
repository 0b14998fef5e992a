package com.alvh.evaluation.answer;

import java.util.List;

import com.alvh.hedge.HedgeAction;

/** The decision as answered: actions and the hedge ratio before and after them. */
public record DecisionView(List<HedgeAction> actions, HedgeRatio hedgeRatio) {

    /** Hedge ratio before and after the decision's actions. */
    public record HedgeRatio(double before, double after) {
    }
}

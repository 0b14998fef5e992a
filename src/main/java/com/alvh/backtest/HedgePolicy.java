package com.alvh.backtest;

import java.util.List;

/** How an arm manages its hedge at the close of a day, seeing only the days up to and including it. */
interface HedgePolicy {

    /**
     * @param seen the history up to and including today (never later days)
     * @return the actions taken today, as short descriptions (empty when none), and the hedge ratio after them
     */
    DayActions act(List<MarketDay> seen, CondorBook condor, HedgeArm arm);

    /** What an arm did on one day. */
    record DayActions(List<String> actions, double hedgeRatio) {
        public DayActions {
            actions = List.copyOf(actions);
        }
    }

    /** The unhedged arm: never trades. */
    HedgePolicy NONE = (seen, condor, arm) -> new DayActions(List.of(), 0);
}

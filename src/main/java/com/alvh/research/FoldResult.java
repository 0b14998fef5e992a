package com.alvh.research;

import com.alvh.backtest.Metrics;

/** The ALVH arm's metrics of one variant on one fold's fit window and (when there is one) its test window. */
public record FoldResult(int fold, SweepSpec.Window fitWindow, SweepSpec.Window testWindow, Metrics fit, double fitSharpe,
                         Metrics test, double testSharpe) {
}

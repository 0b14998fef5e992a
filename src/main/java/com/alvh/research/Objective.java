package com.alvh.research;

import java.util.Locale;

import com.alvh.backtest.Metrics;

/** What a sweep ranks variants by; each knows whether more is better. */
public enum Objective {
    /** Total P&L ÷ max drawdown (the default). */
    RETURN_OVER_DRAWDOWN(true),
    /** Annualised Sharpe ratio of daily P&L over the capital. */
    SHARPE(true),
    /** Max drawdown, smaller is better. */
    MAX_DRAWDOWN(false),
    /** Hedge cost (trading costs and carry), smaller is better. */
    HEDGE_COST(false),
    /** Total P&L. */
    TOTAL_PNL(true);

    private final boolean higherIsBetter;

    Objective(boolean higherIsBetter) {
        this.higherIsBetter = higherIsBetter;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The objective's value for one window's metrics and Sharpe ratio. */
    public double value(Metrics m, double sharpe) {
        return switch (this) {
            case RETURN_OVER_DRAWDOWN -> returnOverDrawdown(m);
            case SHARPE -> sharpe;
            case MAX_DRAWDOWN -> m.maxDrawdown();
            case HEDGE_COST -> m.hedgeCost();
            case TOTAL_PNL -> m.totalPnl();
        };
    }

    /** A score where larger is always better, for sorting. */
    public double score(Metrics m, double sharpe) {
        double v = value(m, sharpe);
        return higherIsBetter ? v : -v;
    }

    public static double returnOverDrawdown(Metrics m) {
        return m.maxDrawdown() <= 0 ? (m.totalPnl() >= 0 ? Double.POSITIVE_INFINITY : m.totalPnl()) : m.totalPnl() / m.maxDrawdown();
    }

    /** Parses {@code return/drawdown}, {@code sharpe}, {@code maxDrawdown}, {@code hedgeCost}, {@code totalPnl}. */
    public static Objective parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
        return switch (t) {
            case "return/drawdown", "returnoverdrawdown", "return/maxdrawdown", "pnl/maxdd", "calmar" -> RETURN_OVER_DRAWDOWN;
            case "sharpe" -> SHARPE;
            case "maxdrawdown", "drawdown" -> MAX_DRAWDOWN;
            case "hedgecost" -> HEDGE_COST;
            case "totalpnl", "pnl", "return" -> TOTAL_PNL;
            default -> throw new IllegalArgumentException("unknown objective '" + text
                    + "'; expected return/drawdown, sharpe, maxDrawdown, hedgeCost or totalPnl");
        };
    }
}

package com.alvh.market;

/**
 * Technical indicators at the evaluation date, given by the client or derived from daily series.
 * A value is null when it was neither given nor derivable; the evaluation refuses to run a rule set
 * that refers to a missing one, so rules never see a null they use.
 *
 * @param spxRsi14           Wilder RSI(14) of SPX closes
 * @param vixRsi14           Wilder RSI(14) of VIX closes
 * @param macd               MACD(12,26) line of SPX
 * @param macdSignal         9-period EMA of the MACD line
 * @param macdHistogram      macd − macdSignal
 * @param crossover          BULLISH or BEARISH when the MACD crossed its signal on the last bar, else NONE
 * @param spxAtHigh          whether SPX closed at its N-day high (N from the profile)
 * @param adLineBelowHighPct how far (%) the advance-decline line sits below its own N-day high
 */
public record Indicators(Double spxRsi14, Double vixRsi14, Double macd, Double macdSignal, Double macdHistogram,
                         String crossover, Boolean spxAtHigh, Double adLineBelowHighPct) {
}

package com.alvh.evaluation.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Indicators computed by the client; each one given wins over the one derived from series. */
public record IndicatorsInput(
        @DecimalMin("0") @DecimalMax("100") Double spxRsi14,
        @DecimalMin("0") @DecimalMax("100") Double vixRsi14,
        @Valid MacdInput macd,
        @Valid BreadthInput breadth) {

    /** MACD(12,26,9) of SPX; without {@code crossover} no crossover is assumed on the last bar. */
    public record MacdInput(
            @NotNull @DecimalMin("-100000") @DecimalMax("100000") Double macd,
            @NotNull @DecimalMin("-100000") @DecimalMax("100000") Double signal,
            @DecimalMin("-100000") @DecimalMax("100000") Double histogram,
            @Pattern(regexp = "BULLISH|BEARISH|NONE", message = "must be BULLISH, BEARISH or NONE") String crossover) {
    }

    /** Breadth: whether SPX is at its N-day high and how far (%) the A/D line is below its own N-day high. */
    public record BreadthInput(
            @NotNull Boolean spxAtHigh,
            @NotNull @DecimalMin("-1000") @DecimalMax("1000") Double adLineBelowHighPct) {
    }
}

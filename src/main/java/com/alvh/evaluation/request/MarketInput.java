package com.alvh.evaluation.request;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Market facts. {@code indicators} and {@code series} are alternatives: given indicators win, missing ones
 * are derived from the series. {@code previousSlope} is the VX curve slope of the previous snapshot (vol points
 * per 30 days), for the steepening signal.
 */
public record MarketInput(
        @NotNull @Positive @DecimalMax("1000000") Double spx,
        @NotNull @Positive @DecimalMax("1000") Double vix,
        @Positive @DecimalMax("1000") Double vix3m,
        @NotNull @Size(min = 2, max = 12) List<@NotNull @Valid FutureQuote> vixFutures,
        @DecimalMax("100") @jakarta.validation.constraints.DecimalMin("-100") Double previousSlope,
        @Valid IndicatorsInput indicators,
        @Valid SeriesInput series,
        @Size(max = 500) List<@NotNull @Valid EventInput> events,
        @Size(max = 100) Map<@NotBlank @Size(max = 64) String, @NotNull Double> metrics) {
}

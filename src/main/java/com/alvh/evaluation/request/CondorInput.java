package com.alvh.evaluation.request;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * The short iron condor: strikes (long put &lt; short put &lt; short call &lt; long call), credit per share,
 * optional position greeks in dollars (else computed by Black-Scholes from {@code impliedVols} or a VIX proxy),
 * the rebalancing costs paid so far, and optionally SPX when the short strikes were placed ({@code spxAtOpen}, the
 * latest re-opening of a side included), from which the share of the strikes' cushion used up is derived.
 */
public record CondorInput(
        @NotBlank @Size(max = 64) String id,
        @NotNull LocalDate expiry,
        @NotNull @Positive @Max(100_000) Integer contracts,
        @NotNull @Positive @DecimalMax("1000000") Double putLong,
        @NotNull @Positive @DecimalMax("1000000") Double putShort,
        @NotNull @Positive @DecimalMax("1000000") Double callShort,
        @NotNull @Positive @DecimalMax("1000000") Double callLong,
        @NotNull @Positive @DecimalMax("100000") Double credit,
        @Valid GreeksInput greeks,
        @Valid LegVolsInput impliedVols,
        @Size(max = 1000) List<@NotNull @Valid CostInput> rebalancingCosts,
        @Positive @DecimalMax("1000000") Double spxAtOpen) {
}

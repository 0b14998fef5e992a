package com.alvh.evaluation.request;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/evaluations}: market facts and condor state at {@code asOf}, the profile to
 * apply and, for a dry run, a stored rule-set version to use instead of the active one.
 */
public record EvaluationRequest(
        @NotBlank @Size(max = 64) String profile,
        @NotNull Instant asOf,
        @NotNull @Valid MarketInput market,
        @NotNull @Valid CondorInput condor,
        @Valid HedgeInput hedge,
        @Pattern(regexp = "sha256:[0-9a-f]{64}", message = "must be a rule-set version like sha256:<64 hex digits>")
        String ruleSetVersion) {
}

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

/** The hedge book: layers on, and optionally when a layer was last taken off (for the removal cooldown). */
public record HedgeInput(
        @Size(max = 50) List<@NotNull @Valid LayerInput> layers,
        LocalDate lastRemovalAt) {

    /** One layer: a tranche on a VX (or Mini VX, VXM) maturity. */
    public record LayerInput(
            @NotNull @Positive @Max(1000) Integer tranche,
            @NotBlank String instrument,
            @NotNull LocalDate expiry,
            @NotNull @Positive @Max(100_000) Integer contracts,
            @NotNull @Positive @DecimalMax("1000") Double entryPrice,
            @NotNull LocalDate openedAt) {
    }
}

package com.alvh.evaluation.request;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** Implied volatility of each leg as a fraction (0.18 = 18%). */
public record LegVolsInput(
        @NotNull @Positive @DecimalMax("5") Double putLong,
        @NotNull @Positive @DecimalMax("5") Double putShort,
        @NotNull @Positive @DecimalMax("5") Double callShort,
        @NotNull @Positive @DecimalMax("5") Double callLong) {
}

package com.alvh.evaluation.request;

import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/** One rebalancing cost paid on the condor (commission, fee, slippage or the loss of an adjustment). */
public record CostInput(
        @NotNull LocalDate date,
        @NotNull @PositiveOrZero @DecimalMax("1e9") Double amount,
        @NotNull @Pattern(regexp = "ADJUSTMENT|COMMISSION|FEE|SLIPPAGE|OTHER",
                message = "must be ADJUSTMENT, COMMISSION, FEE, SLIPPAGE or OTHER") String kind) {
}

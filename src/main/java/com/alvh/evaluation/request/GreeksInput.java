package com.alvh.evaluation.request;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/** Position greeks in dollars: delta per SPX point, gamma per point per point, theta per day, vega per vol point. */
public record GreeksInput(
        @NotNull @DecimalMin("-1e9") @DecimalMax("1e9") Double delta,
        @NotNull @DecimalMin("-1e9") @DecimalMax("1e9") Double gamma,
        @NotNull @DecimalMin("-1e9") @DecimalMax("1e9") Double theta,
        @NotNull @DecimalMin("-1e9") @DecimalMax("1e9") Double vega) {
}

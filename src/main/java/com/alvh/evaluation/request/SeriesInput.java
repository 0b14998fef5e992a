package com.alvh.evaluation.request;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Daily series, oldest first, ending at asOf; indicators are derived from them when not given. */
public record SeriesInput(
        @Size(max = 5000) List<@NotNull @Positive Double> spxClose,
        @Size(max = 5000) List<@NotNull @Positive Double> vixClose,
        @Size(max = 5000) List<@NotNull @PositiveOrZero Double> advances,
        @Size(max = 5000) List<@NotNull @PositiveOrZero Double> declines) {
}

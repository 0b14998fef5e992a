package com.alvh.evaluation.request;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A scheduled macro event, e.g. FOMC or CPI. */
public record EventInput(
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}", message = "must be an upper-case event code like FOMC or CPI")
        String type,
        @NotNull LocalDate date) {
}

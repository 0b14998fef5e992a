package com.alvh.evaluation.request;

import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** A VX futures quote; without an expiry, the k-th quote sits on the k-th VX expiry on or after asOf. */
public record FutureQuote(LocalDate expiry, @NotNull @Positive @DecimalMax("1000") Double price) {
}

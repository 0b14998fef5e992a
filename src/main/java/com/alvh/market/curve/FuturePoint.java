package com.alvh.market.curve;

import java.time.LocalDate;

/** Stub matching the market-analytics contract; replaced by that branch on merge. */
public record FuturePoint(LocalDate expiry, double price) {
}

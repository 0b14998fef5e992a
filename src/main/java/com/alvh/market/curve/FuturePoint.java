package com.alvh.market.curve;

import java.time.LocalDate;
import java.util.Objects;

/** One VX futures quote: the contract's expiry and its price in VIX points. */
public record FuturePoint(LocalDate expiry, double price) {

    public FuturePoint {
        Objects.requireNonNull(expiry, "expiry");
    }
}

package com.alvh.market;

import java.time.LocalDate;

/** The market at the evaluation date as the rules see it. */
public record MarketSnapshot(LocalDate asOf, double spx, double vix) {
}

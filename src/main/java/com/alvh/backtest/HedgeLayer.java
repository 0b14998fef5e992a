package com.alvh.backtest;

import java.time.LocalDate;

/** One long VX (or Mini VX) position of an arm. */
record HedgeLayer(int tranche, String instrument, LocalDate expiry, int contracts, double entryPrice,
                  LocalDate openedAt) {

    int multiplier() {
        return com.alvh.hedge.Instrument.parse(instrument).orElseThrow().multiplier();
    }
}

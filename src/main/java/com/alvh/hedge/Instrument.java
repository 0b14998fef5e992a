package com.alvh.hedge;

import java.util.Arrays;
import java.util.Optional;

/** Hedge instruments: Cboe VX futures and Mini VX futures. */
public enum Instrument {
    VX(1000),
    VXM(100);

    private final int multiplier;

    Instrument(int multiplier) {
        this.multiplier = multiplier;
    }

    /** Dollars per VIX point per contract. */
    public int multiplier() {
        return multiplier;
    }

    public static Optional<Instrument> parse(String code) {
        return Arrays.stream(values()).filter(i -> i.name().equals(code)).findFirst();
    }
}

package com.alvh.condor;

import com.alvh.condor.pricing.OptionType;

/**
 * One option leg of a position, per contract of the whole structure.
 *
 * @param type     call or put
 * @param strike   strike in index points, &gt; 0
 * @param quantity signed number of options per structure: positive long, negative short, never 0
 */
public record Leg(OptionType type, double strike, int quantity) {

    /** Rejects legs that could not be priced or would silently contribute nothing. */
    public Leg {
        if (type == null) {
            throw new IllegalArgumentException("type must not be null");
        }
        if (!(strike > 0.0) || Double.isInfinite(strike)) {
            throw new IllegalArgumentException("strike must be finite and > 0, was " + strike);
        }
        if (quantity == 0) {
            throw new IllegalArgumentException("quantity must not be 0");
        }
    }
}

package com.alvh.condor.pricing;

/** The right an option gives its holder: to buy ({@link #CALL}) or to sell ({@link #PUT}) the underlying. */
public enum OptionType {
    CALL,
    PUT
}

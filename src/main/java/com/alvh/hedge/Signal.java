package com.alvh.hedge;

/**
 * A conclusion of a signal rule: a named market or position condition, the value observed and the
 * profile threshold it was held against, with a sentence a strategist can read.
 */
public record Signal(String name, double value, double threshold, String text) {
}

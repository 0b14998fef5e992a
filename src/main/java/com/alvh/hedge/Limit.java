package com.alvh.hedge;

/** A guard's conclusion: at most {@code maxTranches} may move in {@code direction} (0 blocks it). */
public record Limit(Direction direction, int maxTranches, String text) {
}

package com.alvh.market;

/** A free-form named metric (e.g. {@code peRatio}) that strategists may use in rules without a code change. */
public record Metric(String name, double value) {
}

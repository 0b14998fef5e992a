package com.alvh.evaluation.answer;

/**
 * A signal as answered: active ones carry the rule that raised them; inactive ones show the value observed and the
 * threshold it missed. {@code available} is false when an input the signal needs was neither given nor derivable:
 * then {@code value} is null and {@code text} names the missing input.
 */
public record SignalView(String name, boolean active, boolean available, Double value, Double threshold, String text,
                         String rule) {
}

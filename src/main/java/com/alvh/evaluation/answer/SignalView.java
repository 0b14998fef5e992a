package com.alvh.evaluation.answer;

/**
 * A signal as answered: active ones carry the rule that raised them; inactive ones show the value observed and the
 * threshold it missed (value null when the input it needs was not there).
 */
public record SignalView(String name, boolean active, Double value, Double threshold, String text, String rule) {
}

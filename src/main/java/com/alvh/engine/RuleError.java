package com.alvh.engine;

/** A located problem in a rule file, as a strategist needs it to fix the file. */
public record RuleError(String file, int line, int column, String message) {
}

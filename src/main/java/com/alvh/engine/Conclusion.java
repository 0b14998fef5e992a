package com.alvh.engine;

/** A fact a rule inserted as its conclusion, with the rule and file that produced it. */
public record Conclusion(Object fact, String rule, String ruleFile) {
}

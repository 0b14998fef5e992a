package com.alvh.hedge;

/** Why an action was taken: the rule that drew the conclusion, the signal behind it (if any), and a sentence. */
public record Reason(String rule, String signal, String text) {
}

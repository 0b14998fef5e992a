package com.alvh.engine;

import java.util.List;

/** One rule firing in the order it happened, with a snapshot of the facts it matched. */
public record Firing(int seq, String rule, String ruleFile, List<MatchedFact> matched) {
}

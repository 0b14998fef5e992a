package com.alvh.engine;

import java.util.List;

/** A match that was created but cancelled before firing: what almost fired, and why not. */
public record CancelledMatch(String rule, String cause, List<MatchedFact> matched) {
}

package com.alvh.engine;

import java.util.Map;

/** A fact as it was when a rule matched it: its type and its field values at that moment. */
public record MatchedFact(String type, Map<String, Object> fields) {
}

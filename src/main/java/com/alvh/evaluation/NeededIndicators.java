package com.alvh.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which indicators a rule set refers to. An indicator missing from a request is an error only if some rule
 * uses it, so a strategist who drops the MACD rules no longer needs clients to send 35 closes.
 */
final class NeededIndicators {

    private static final Map<String, Pattern> USES = Map.of(
            "spxRsi14", Pattern.compile("\\bspxRsi14\\b"),
            "vixRsi14", Pattern.compile("\\bvixRsi14\\b"),
            "macd", Pattern.compile("\\b(macd|macdSignal|macdHistogram|crossover)\\b"),
            "breadth", Pattern.compile("\\b(spxAtHigh|adLineBelowHighPct)\\b"));

    private NeededIndicators() {
    }

    static void check(Map<String, String> ruleFiles, Map<String, Violation> missing) {
        List<Violation> violations = new ArrayList<>();
        missing.forEach((indicator, violation) -> {
            if (ruleFiles.values().stream().anyMatch(src -> USES.get(indicator).matcher(src).find())) {
                violations.add(violation);
            }
        });
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations.stream()
                    .sorted(java.util.Comparator.comparing(Violation::field)).toList());
        }
    }
}

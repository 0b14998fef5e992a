package com.alvh.engine;

import java.util.List;
import java.util.stream.Stream;

/** Everything one rule session produced: the firing trail, the conclusions and the near misses. */
public record RuleOutcome(List<Firing> firings, List<Conclusion> conclusions, List<CancelledMatch> cancelled) {

    /** Conclusions of one type, in the order they were drawn. */
    public <T> Stream<Attributed<T>> conclusionsOf(Class<T> type) {
        return conclusions.stream().filter(c -> type.isInstance(c.fact()))
                .map(c -> new Attributed<>(type.cast(c.fact()), c.rule(), c.ruleFile()));
    }

    /** A typed conclusion with its rule. */
    public record Attributed<T>(T fact, String rule, String ruleFile) {
    }
}

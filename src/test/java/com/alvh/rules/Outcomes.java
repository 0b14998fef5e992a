package com.alvh.rules;

import java.util.List;

import com.alvh.engine.Firing;
import com.alvh.engine.RuleOutcome;
import com.alvh.hedge.Limit;
import com.alvh.hedge.Proposal;
import com.alvh.hedge.Signal;

/** Small readers over a rule outcome for assertions. */
final class Outcomes {

    private Outcomes() {
    }

    static List<String> signals(RuleOutcome outcome) {
        return outcome.conclusionsOf(Signal.class).map(s -> s.fact().name()).toList();
    }

    static List<String> fired(RuleOutcome outcome) {
        return outcome.firings().stream().map(Firing::rule).toList();
    }

    static List<Proposal> proposals(RuleOutcome outcome) {
        return outcome.conclusionsOf(Proposal.class).map(p -> p.fact()).toList();
    }

    static List<Limit> limits(RuleOutcome outcome) {
        return outcome.conclusionsOf(Limit.class).map(p -> p.fact()).toList();
    }
}

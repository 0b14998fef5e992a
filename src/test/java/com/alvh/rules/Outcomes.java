package com.alvh.rules;

import java.util.List;

import com.alvh.engine.Firing;
import com.alvh.engine.RuleOutcome;
import com.alvh.hedge.HoldNote;
import com.alvh.hedge.Limit;
import com.alvh.hedge.Proposal;
import com.alvh.hedge.RollProposal;
import com.alvh.hedge.RuleConclusions;
import com.alvh.hedge.Ruled;
import com.alvh.hedge.Signal;
import com.alvh.hedge.SizeScale;

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

    static List<RollProposal> rolls(RuleOutcome outcome) {
        return outcome.conclusionsOf(RollProposal.class).map(p -> p.fact()).toList();
    }

    static List<HoldNote> holds(RuleOutcome outcome) {
        return outcome.conclusionsOf(HoldNote.class).map(p -> p.fact()).toList();
    }

    static List<SizeScale> scales(RuleOutcome outcome) {
        return outcome.conclusionsOf(SizeScale.class).map(p -> p.fact()).toList();
    }

    /** The conclusions as the evaluator hands them to the decision assembler. */
    static RuleConclusions conclusions(RuleOutcome outcome) {
        return new RuleConclusions(ruled(outcome, Signal.class), ruled(outcome, Proposal.class),
                ruled(outcome, Limit.class), ruled(outcome, SizeScale.class), ruled(outcome, RollProposal.class),
                ruled(outcome, HoldNote.class));
    }

    private static <T> List<Ruled<T>> ruled(RuleOutcome outcome, Class<T> type) {
        return outcome.conclusionsOf(type).map(a -> new Ruled<>(a.fact(), a.rule())).toList();
    }
}

package com.alvh.evaluation;

import java.util.List;

import com.alvh.engine.CompiledRuleSet;
import com.alvh.engine.RuleOutcome;
import com.alvh.engine.RuleSessionRunner;
import com.alvh.evaluation.answer.DecisionView;
import com.alvh.evaluation.answer.DerivedView;
import com.alvh.evaluation.answer.EvaluationAnswer;
import com.alvh.evaluation.request.EvaluationRequest;
import com.alvh.hedge.Decision;
import com.alvh.hedge.DecisionAssembler;
import com.alvh.hedge.HoldNote;
import com.alvh.hedge.Limit;
import com.alvh.hedge.Proposal;
import com.alvh.hedge.RollProposal;
import com.alvh.hedge.RuleConclusions;
import com.alvh.hedge.Ruled;
import com.alvh.hedge.Signal;
import com.alvh.hedge.SizeScale;
import com.alvh.strategy.ProfileCatalog.LoadedProfile;

/**
 * One evaluation, start to finish, without side effects: derive facts, run the rules, assemble the decision.
 * Used for live answers, replays and impact analysis alike, so all three follow exactly the same path.
 */
public final class Evaluator {

    /** The answer and what the rules did beyond it (for the audit record). */
    public record Evaluation(EvaluationAnswer answer, RuleOutcome outcome, long deriveNanos, long rulesNanos) {
    }

    private Evaluator() {
    }

    public static Evaluation run(String evaluationId, EvaluationRequest request, LoadedProfile profile,
                                 CompiledRuleSet ruleSet, boolean dryRun, int firingLimit) {
        long t0 = System.nanoTime();
        DerivedFacts facts = FactDerivation.derive(request, profile.profile());
        Concluded concluded = decide(facts, profile, ruleSet, firingLimit, facts.missingInputs().keySet(), t0);
        Decision decision = concluded.decision();
        EvaluationAnswer answer = new EvaluationAnswer(evaluationId, request.asOf(),
                new EvaluationAnswer.ProfileRef(profile.profile().name(), profile.profile().version()),
                new EvaluationAnswer.RuleSetRef(ruleSet.version()), dryRun,
                new DecisionView(decision.actions(), new DecisionView.HedgeRatio(decision.hedgeRatioBefore(),
                        decision.hedgeRatioAfter())),
                derivedView(facts), SignalCatalogue.list(facts, concluded.conclusions().signals()), concluded.outcome().firings());
        return new Evaluation(answer, concluded.outcome(), concluded.deriveNanos(), concluded.rulesNanos());
    }

    // --- research (feat/research): the backtest's lean path -------------------------------------------------
    /** A decision without the answer's views, and the curve slope the next day's steepening signal needs. */
    public record Decided(Decision decision, Double curveSlope) {
    }

    /**
     * The same derivation, rules and assembly as {@link #run}, for a caller that needs only the decision (a
     * backtest takes thousands a second): no derived view, signal catalogue or answer is built. Indicators named in
     * {@code unavailable} are inputs the caller cannot have (breadth on history, where no advance/decline record
     * exists): they stay absent, so rules that need them cannot fire, instead of the request being refused.
     */
    public static Decided decide(EvaluationRequest request, LoadedProfile profile, CompiledRuleSet ruleSet,
                                 int firingLimit, java.util.Set<String> unavailable) {
        long t0 = System.nanoTime();
        DerivedFacts facts = FactDerivation.derive(request, profile.profile());
        java.util.Set<String> missing = new java.util.HashSet<>(facts.missingInputs().keySet());
        missing.addAll(unavailable);
        Concluded concluded = decide(facts, profile, ruleSet, firingLimit, missing, t0);
        return new Decided(concluded.decision(), facts.termStructure() == null ? null : facts.termStructure().slope());
    }
    // --- end research ----------------------------------------------------------------------------------------

    /** What the rules concluded and the decision assembled from it, with the time spent before and in the session. */
    private record Concluded(Decision decision, RuleOutcome outcome, RuleConclusions conclusions, long deriveNanos,
                             long rulesNanos) {
    }

    /** Runs the rules on derived facts and assembles the decision: the part {@link #run} and the backtest share. */
    private static Concluded decide(DerivedFacts facts, LoadedProfile profile, CompiledRuleSet ruleSet, int firingLimit,
                                    java.util.Set<String> missing, long started) {
        // Rules referring to a missing input cannot fire; their signals are listed as unavailable instead.
        var blocked = MissingInputs.rulesNeeding(ruleSet, missing);
        long t1 = System.nanoTime();
        RuleOutcome outcome = RuleSessionRunner.run(ruleSet, facts.facts(), firingLimit, blocked);
        long t2 = System.nanoTime();
        RuleConclusions conclusions = new RuleConclusions(ruled(outcome, Signal.class), ruled(outcome, Proposal.class),
                ruled(outcome, Limit.class), ruled(outcome, SizeScale.class), ruled(outcome, RollProposal.class),
                ruled(outcome, HoldNote.class));
        Decision decision = DecisionAssembler.assemble(profile.profile(),
                new DecisionAssembler.Book(facts.layers(), facts.book(), facts.greeks().vega(), facts.eligible()), conclusions);
        return new Concluded(decision, outcome, conclusions, t1 - started, t2 - t1);
    }

    private static <T> List<Ruled<T>> ruled(RuleOutcome outcome, Class<T> type) {
        return outcome.conclusionsOf(type).map(a -> new Ruled<>(a.fact(), a.rule())).toList();
    }

    private static DerivedView derivedView(DerivedFacts f) {
        var i = f.indicators();
        return new DerivedView(
                new DerivedView.IndicatorsView(i.spxRsi14(), i.vixRsi14(),
                        i.macd() == null ? null : new DerivedView.MacdView(i.macd(), i.macdSignal(), i.macdHistogram(), i.crossover()),
                        i.spxAtHigh() == null ? null : new DerivedView.BreadthView(i.spxAtHigh(), i.adLineBelowHighPct()),
                        f.indicatorSources()),
                f.termStructure(), f.curve(),
                new DerivedView.CondorView(f.risk(), f.position().creditDollars(), f.position().gammaPctOfCredit(),
                        f.greeks(), f.greeksSource()),
                f.events(), new DerivedView.HedgeView(f.book(), f.layers()), f.eligible());
    }
}

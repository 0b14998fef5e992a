package com.alvh.backtest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.alvh.engine.CompiledRuleSet;
import com.alvh.evaluation.Evaluator;
import com.alvh.hedge.HedgeAction;
import com.alvh.strategy.ProfileCatalog.LoadedProfile;

/**
 * The ALVH arm: each day asks the same evaluator the API uses and applies its decision — ADD opens the tranche
 * on the chosen maturity at the day's price, REMOVE closes the named tranche, ROLL closes it and re-opens it on
 * the new maturity. The curve slope of the previous day is passed for the steepening signal. Breadth is not sent:
 * rules that need it cannot fire in a backtest (see {@link #UNAVAILABLE}).
 */
final class AlvhPolicy implements HedgePolicy {

    private static final int FIRING_LIMIT = 10_000;
    /** No public NYSE advance/decline history exists, so breadth is unavailable on history, never a constant. */
    static final Set<String> UNAVAILABLE = Set.of("breadth");

    private final LoadedProfile profile;
    private final CompiledRuleSet rules;
    private final RequestBuilder requests;
    private Double previousSlope;

    AlvhPolicy(LoadedProfile profile, CompiledRuleSet rules, RequestBuilder requests) {
        this.profile = profile;
        this.rules = rules;
        this.requests = requests;
    }

    @Override
    public DayActions act(List<MarketDay> seen, CondorBook book, HedgeArm arm) {
        MarketDay day = seen.get(seen.size() - 1);
        var request = requests.build(seen, book.condor(), arm, previousSlope);
        Evaluator.Decided decided = Evaluator.decide(request, profile, rules, FIRING_LIMIT, UNAVAILABLE);
        previousSlope = decided.curveSlope();
        List<String> done = new ArrayList<>();
        for (HedgeAction a : decided.decision().actions()) {
            Set<String> rulesBehind = new LinkedHashSet<>();
            a.reasons().forEach(r -> rulesBehind.add(r.rule()));
            arm.decide(switch (a.type()) {
                case ROLL_LAYER -> LayerEvent.Kind.ROLLED;
                case REMOVE_LAYER -> LayerEvent.Kind.CLOSED;
                default -> LayerEvent.Kind.OPENED;
            }, List.copyOf(rulesBehind));
            switch (a.type()) {
                case ADD_LAYER -> arm.open(day, a.tranche(), a.instrument(), a.expiry(), a.contracts());
                case REMOVE_LAYER -> {
                    arm.close(day, a.tranche());
                    arm.removed(day.date());
                }
                case ROLL_LAYER -> arm.close(day, a.tranche())
                        .ifPresent(l -> arm.open(day, l.tranche(), l.instrument(), a.expiry(), l.contracts()));
                case HOLD -> {
                    continue;
                }
            }
            rulesBehind.forEach(arm::count);
            done.add(a.type() + " t" + a.tranche() + " " + a.instrument() + " " + a.expiry() + " x" + a.contracts()
                    + " " + rulesBehind);
        }
        return new DayActions(done, decided.decision().hedgeRatioAfter());
    }
}

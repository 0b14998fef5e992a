package com.alvh.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.alvh.evaluation.answer.SignalView;
import com.alvh.hedge.Ruled;
import com.alvh.hedge.Signal;
import com.alvh.market.calendar.UpcomingEvent;
import com.alvh.strategy.Profile;

/**
 * Lists every signal of the default strategy, active or not. Active ones come from the rules; for the others the
 * catalogue shows the derived value each one watches and the profile threshold, so "why not" is answered too.
 */
final class SignalCatalogue {

    private SignalCatalogue() {
    }

    static List<SignalView> list(DerivedFacts facts, List<Ruled<Signal>> active) {
        List<SignalView> out = new ArrayList<>();
        Set<String> raised = new LinkedHashSet<>();
        for (Ruled<Signal> s : active) {
            Signal signal = s.conclusion();
            raised.add(signal.name());
            out.add(new SignalView(signal.name(), true, true, signal.value(), signal.threshold(), signal.text(), s.rule()));
        }
        Map<String, String> unavailable = MissingInputs.unavailableSignals(facts.missingInputs());
        for (SignalView quiet : quiet(facts)) {
            if (raised.contains(quiet.name())) {
                continue;
            }
            String why = unavailable.get(quiet.name());
            out.add(why == null ? quiet
                    : new SignalView(quiet.name(), false, false, null, quiet.threshold(), why, null));
        }
        return out;
    }

    private static List<SignalView> quiet(DerivedFacts f) {
        Profile p = f.profile();
        var i = f.indicators();
        var t = f.termStructure();
        var r = f.risk();
        Double nearestEvent = f.events().stream().filter(e -> p.watchesEvent(e.type()))
                .mapToInt(UpcomingEvent::tradingDaysAway).min().stream().mapToObj(d -> (double) d).findFirst().orElse(null);
        return List.of(
                view("BREADTH_DIVERGENCE", i.adLineBelowHighPct(), p.breadthDivergencePct(), "A/D line below its high, %"),
                view("TERM_STRUCTURE_STEEPENING", t.slopeChange(), p.steepeningSlopeChange(), "VX slope change per 30 days"),
                view("BACKWARDATION", t.contangoRatio(), p.backwardationRatio(), "contango ratio VX2/VX1 (active below)"),
                view("COMPLACENCY", i.spxRsi14(), p.spxRsiOverbought(), "SPX RSI(14), with VIX RSI(14) at or under " + p.vixRsiLow()),
                view("MOMENTUM_ROLLOVER", i.macdHistogram(), 0.0, "MACD histogram; active on a bearish crossover on the last bar"),
                view("BREAKEVEN_PROXIMITY", Math.min(r.distanceToLowerSigma(), r.distanceToUpperSigma()), p.proximitySigma(),
                        "distance to the nearer break-even in σ (active at or below)"),
                view("GAMMA_STRESS", f.position().gammaPctOfCredit(), p.gammaStressPctOfCredit(), "gamma cost of a 1% move, % of credit"),
                view("EVENT_WINDOW", nearestEvent, (double) p.eventWindowDays(), "trading days to the nearest watched event"),
                view("COST_DRAG", r.rebalancingCostsPctOfCredit(), p.costDragPctOfCredit(), "rebalancing costs, % of credit"),
                view("CALM_REGIME", f.market().vix(), p.calmVixMax(),
                        "VIX (calm at or below, with contango ratio at least " + p.calmContangoMin() + " and no event or stress)"));
    }

    private static SignalView view(String name, Double value, double threshold, String measure) {
        String observed = value == null ? "not available" : SignificantDigits.format(value);
        return new SignalView(name, false, true, value, threshold,
                "Not active: " + measure + " is " + observed + " against threshold " + SignificantDigits.format(threshold), null);
    }
}

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
                proximity(f),
                view("GAMMA_STRESS", f.position().gammaPctOfCredit(), p.gammaStressPctOfCredit(), "gamma cost of a 1% move, % of credit"),
                view("EVENT_WINDOW", nearestEvent, (double) p.eventWindowDays(), "trading days to the nearest watched event"),
                view("COST_DRAG", r.rebalancingCostsPctOfCredit(), p.costDragPctOfCredit(), "rebalancing costs, % of credit"),
                view("CALM_REGIME", f.market().vix(), p.calmVixMax(),
                        "VIX (calm at or below, with contango ratio at least " + p.calmContangoMin() + " and no event or stress)"),
                view("STRESS_PASSED", f.cushion() == null ? null : f.cushion().putCushionUsedPct(),
                        custom(p, "stressPassedCushionUsedPct"), "share (%) of the put strike's room used (passed at or below, with"
                        + " contango and VIX RSI low, while layers are on)"),
                view("SPIKE_PAYOFF", f.book().pnl() / f.position().creditDollars() * 100, custom(p, "takeProfitPctOfCredit"),
                        "layers' P&L since opening, % of credit (active at or above)"));
    }

    /** Put-side proximity as the shipped rule measures it: the share of the put strike's room SPX has used. */
    private static SignalView proximity(DerivedFacts f) {
        return view("BREAKEVEN_PROXIMITY", f.cushion() == null ? null : f.cushion().putCushionUsedPct(),
                custom(f.profile(), "proximityCushionUsedPct"),
                "share (%) of the room between SPX at opening and the put short strike used up (active at or above)");
    }

    /** A threshold of the profile's own parameters, null when the profile does not declare it. */
    private static Double custom(Profile p, String name) {
        return p.parameters().get(name) instanceof Number n ? n.doubleValue() : null;
    }

    private static SignalView view(String name, Double value, Double threshold, String measure) {
        String observed = value == null ? "not available" : SignificantDigits.format(value);
        return new SignalView(name, false, true, value, threshold, "Not active: " + measure + " is " + observed
                + " against threshold " + (threshold == null ? "(not set in the profile)" : SignificantDigits.format(threshold)), null);
    }
}

package com.alvh.strategy;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A strategy profile as the rules see it: every threshold and parameter of the default strategy.
 * Flat on purpose, so DRL constraints read {@code Profile($max : maxRatio)} without nested paths.
 * The YAML groups the same keys into sections (see {@link ProfileSchema}).
 *
 * @param name                    profile name (the YAML file name without extension)
 * @param version                 {@code sha256:} content hash of the YAML source
 * @param breadthLookbackDays     N of the breadth-divergence test (SPX at an N-day high)
 * @param breadthDivergencePct    how far (%) the A/D line must sit below its own N-day high
 * @param steepeningSlopeChange   rise of the VX curve slope (vol points per 30 days) versus the previous snapshot
 * @param backwardationRatio      contango ratio VX2/VX1 below which the curve counts as backwardated
 * @param spxRsiOverbought        SPX RSI(14) at or above which SPX is overbought
 * @param vixRsiLow               VIX RSI(14) at or below which VIX momentum counts as low
 * @param proximitySigma          SPX within this many σ of a break-even is "near"
 * @param gammaStressPctOfCredit  |dollar gamma of a 1% move| as % of the credit that counts as stress
 * @param eventTypes              macro event types that open an event window
 * @param eventWindowDays         trading days ahead of an event that form its window
 * @param costDragPctOfCredit     rebalancing costs as % of credit that count as drag
 * @param calmVixMax              VIX at or below which the market may be calm
 * @param calmContangoMin         contango ratio at or above which the curve is healthy
 * @param trancheIncrement        share of a full hedge per tranche
 * @param floorRatio              lowest hedge ratio the steward may go to
 * @param maxRatio                highest hedge ratio the steward may go to
 * @param severeStressTranches    tranches added at once under severe stress
 * @param cooldownDays            calendar days between two actions of the same direction
 * @param rollWindowDays          a layer whose VX expiry is this close (calendar days) is rolled
 * @param carryBudgetPctOfCredit  monthly carry of the hedge book, as % of credit, above which no layer is added
 * @param vxBetas                 sensitivity of the k-th listed VX maturity to VIX (index 0 = front month)
 * @param proximityScale          tranche size multiplier when SPX is near a break-even
 * @param gammaScale              tranche size multiplier under gamma stress
 * @param miniVxAllowed           whether Mini VX (VXM, $100 multiplier) may size finer tranches
 * @param riskFreeRate            annual risk-free rate for Black-Scholes
 * @param dividendYield           annual SPX dividend yield for Black-Scholes
 * @param volSkew                 put-skew slope of implied vol per unit of log-moneyness (VIX proxy)
 * @param requiredInputs          optional market inputs whose absence refuses a request (422) instead of making the
 *                                signals that need them unavailable; names from {@link ProfileSchema#OPTIONAL_INPUTS}
 * @param parameters              the strategist's own typed parameters (section {@code parameters:}), name → value
 *                                (Double, Integer, Boolean or String); rules read them with {@link #number(String)},
 *                                {@link #integer(String)}, {@link #flag(String)} and {@link #text(String)}
 */
public record Profile(
        String name,
        String version,
        int breadthLookbackDays,
        double breadthDivergencePct,
        double steepeningSlopeChange,
        double backwardationRatio,
        double spxRsiOverbought,
        double vixRsiLow,
        double proximitySigma,
        double gammaStressPctOfCredit,
        List<String> eventTypes,
        int eventWindowDays,
        double costDragPctOfCredit,
        double calmVixMax,
        double calmContangoMin,
        double trancheIncrement,
        double floorRatio,
        double maxRatio,
        int severeStressTranches,
        int cooldownDays,
        int rollWindowDays,
        double carryBudgetPctOfCredit,
        List<Double> vxBetas,
        double proximityScale,
        double gammaScale,
        boolean miniVxAllowed,
        double riskFreeRate,
        double dividendYield,
        double volSkew,
        List<String> requiredInputs,
        Map<String, Object> parameters) {

    public Profile {
        eventTypes = List.copyOf(eventTypes);
        vxBetas = List.copyOf(vxBetas);
        requiredInputs = requiredInputs == null ? List.of() : List.copyOf(requiredInputs);
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(parameters));
    }

    /** A custom parameter of type number (or integer) by name, e.g. {@code $p.number("vixSpikePct")} in a rule. */
    public double number(String name) {
        return ((Number) parameter(name, Number.class)).doubleValue();
    }

    /** A custom parameter of type integer by name. */
    public int integer(String name) {
        return (Integer) parameter(name, Integer.class);
    }

    /** A custom parameter of type boolean by name. */
    public boolean flag(String name) {
        return (Boolean) parameter(name, Boolean.class);
    }

    /** A custom parameter of type string or enum by name. */
    public String text(String name) {
        return (String) parameter(name, String.class);
    }

    /** Whether this profile declares the custom parameter {@code name}. */
    public boolean hasParameter(String name) {
        return parameters.containsKey(name);
    }

    private Object parameter(String name, Class<?> type) {
        Object value = parameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("profile " + this.name + " declares no parameter '" + name
                    + "' (declared: " + parameters.keySet() + "); add it under parameters: in " + this.name + ".yaml");
        }
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("parameter '" + name + "' of profile " + this.name + " is "
                    + value.getClass().getSimpleName() + " " + value + ", not " + type.getSimpleName());
        }
        return value;
    }

    /** β of the k-th listed maturity (0-based); maturities past the list use its last entry. */
    public double betaOfMaturity(int index) {
        return vxBetas.get(Math.min(Math.max(index, 0), vxBetas.size() - 1));
    }

    /** Whether a macro event type opens an event window under this profile. */
    public boolean watchesEvent(String type) {
        return eventTypes.contains(type);
    }
}

package com.alvh.backtest;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.alvh.condor.CondorGreeks;
import com.alvh.market.calendar.VxCalendar;
import com.alvh.strategy.Profile;

/**
 * The static arm: one VX position sized to a constant fraction of the full hedge (the profile's sizing,
 * |condor vega $| ÷ (1000 × β)), on the first VX expiry at or after the condor's, re-sized when a new condor
 * opens and rolled to the next maturity inside the profile's roll window.
 */
final class StaticPolicy implements HedgePolicy {

    private static final String RULE = "static hedge";

    private final BacktestConfig config;
    private final Profile profile;
    private String sizedFor;
    private int contracts;

    StaticPolicy(BacktestConfig config, Profile profile) {
        this.config = config;
        this.profile = profile;
    }

    @Override
    public DayActions act(List<MarketDay> seen, CondorBook book, HedgeArm arm) {
        MarketDay day = seen.get(seen.size() - 1);
        OpenCondor condor = book.condor();
        LocalDate earliest = condor.expiry().isAfter(day.date().plusDays(profile.rollWindowDays()))
                ? condor.expiry() : day.date().plusDays(profile.rollWindowDays() + 1L);
        List<LocalDate> listed = VxCalendar.expiriesOnOrAfter(day.date(), 12);
        int rank = 0;
        while (listed.get(rank).isBefore(earliest)) {
            rank++;
        }
        LocalDate target = listed.get(rank);
        boolean resize = !condor.id().equals(sizedFor);
        if (resize) {
            sizedFor = condor.id();
            double vega = Math.abs(CondorGreeks.fromVixProxy(condor.legs(), condor.contracts(), day.spx(),
                    CondorPricer.years(day.date(), condor.expiry()), profile.riskFreeRate(), profile.dividendYield(),
                    day.vix(), profile.volSkew()).vega());
            contracts = (int) Math.max(1, Math.round(config.staticHedgeRatio() * vega / (1000 * profile.betaOfMaturity(rank))));
        }
        List<String> actions = new ArrayList<>();
        HedgeLayer held = arm.layers().isEmpty() ? null : arm.layers().get(0);
        boolean stale = held == null || held.expiry().isBefore(condor.expiry())
                || ChronoUnit.DAYS.between(day.date(), held.expiry()) <= profile.rollWindowDays()
                || held.contracts() != contracts;
        if (stale) {
            arm.decide(held == null ? LayerEvent.Kind.OPENED : LayerEvent.Kind.ROLLED, List.of(RULE));
            if (held != null) {
                arm.close(day, held.tranche());
            }
            arm.open(day, 1, "VX", target, contracts);
            arm.count(RULE);
            actions.add((held == null ? "OPEN " : "ROLL ") + "VX " + target + " x" + contracts);
        }
        return new DayActions(actions, config.staticHedgeRatio());
    }
}

package com.alvh.backtest;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.alvh.condor.CondorLegs;
import com.alvh.condor.pricing.OptionType;

/**
 * The condor schedule, shared by all arms (the hedge never changes the condor): open at the target DTE and
 * delta, close at the profit target or at the close-out DTE, and when SPX closes beyond a short strike close
 * the tested spread and re-open it at the target delta on the same expiry. The realised loss of that spread
 * (buy-back minus its credit, when positive) and every leg's commission and slippage are rebalancing costs.
 */
final class CondorBook {

    private final BacktestConfig config;
    private final CondorPricer pricer;
    private OpenCondor condor;
    private double cash;
    private double rebalancingCosts;
    private int opened;

    CondorBook(BacktestConfig config, CondorPricer pricer) {
        this.config = config;
        this.pricer = pricer;
    }

    /** Manages the condor at the close of {@code day}; afterwards a condor is always held. */
    void step(MarketDay day) {
        if (condor != null) {
            long dte = ChronoUnit.DAYS.between(day.date(), condor.expiry());
            double value = value(day);
            if (dte <= config.closeAtDte() || value <= (1 - config.profitTargetPct() / 100) * condor.credit()) {
                cash -= value * 100 * condor.contracts();
                commission(day.date(), 4);
                condor = null;
            } else if (day.spx() < condor.legs().putShort()) {
                reopen(day, OptionType.PUT);
            } else if (day.spx() > condor.legs().callShort()) {
                reopen(day, OptionType.CALL);
            }
        }
        if (condor == null) {
            open(day);
        }
    }

    private void open(MarketDay day) {
        LocalDate expiry = CondorPricer.monthlyExpiryNear(day.date(), config.targetDte());
        double put = pricer.strikeAtDelta(OptionType.PUT, day, expiry, config.shortDelta());
        double call = Math.max(put, pricer.strikeAtDelta(OptionType.CALL, day, expiry, config.shortDelta()));
        CondorLegs legs = new CondorLegs(put - config.wingWidth(), put, call, call + config.wingWidth());
        condor = new OpenCondor("IC-" + (++opened), legs, expiry, config.condorContracts(),
                pricer.spread(OptionType.PUT, day, put, legs.putLong(), expiry),
                pricer.spread(OptionType.CALL, day, call, legs.callLong(), expiry), day.date(), List.of(), day.spx());
        cash += condor.credit() * 100 * condor.contracts();
        commission(day.date(), 4);
    }

    private void reopen(MarketDay day, OptionType side) {
        CondorLegs l = condor.legs();
        boolean put = side == OptionType.PUT;
        double buyBack = put ? pricer.spread(side, day, l.putShort(), l.putLong(), condor.expiry())
                : pricer.spread(side, day, l.callShort(), l.callLong(), condor.expiry());
        double loss = (buyBack - (put ? condor.putCredit() : condor.callCredit())) * 100 * condor.contracts();
        double strike = pricer.strikeAtDelta(side, day, condor.expiry(), config.shortDelta());
        // Keep the legs ordered: a re-opened side never crosses the untested short strike.
        strike = put ? Math.min(strike, l.callShort()) : Math.max(strike, l.putShort());
        CondorLegs legs = put ? new CondorLegs(strike - config.wingWidth(), strike, l.callShort(), l.callLong())
                : new CondorLegs(l.putLong(), l.putShort(), strike, strike + config.wingWidth());
        double credit = put ? pricer.spread(side, day, strike, legs.putLong(), condor.expiry())
                : pricer.spread(side, day, strike, legs.callLong(), condor.expiry());
        cash += (credit - buyBack) * 100 * condor.contracts();
        List<OpenCondor.CondorCost> costs = new ArrayList<>(condor.costs());
        if (loss > 0) {
            costs.add(new OpenCondor.CondorCost(day.date(), loss, "ADJUSTMENT"));
            rebalancingCosts += loss;
        }
        condor = new OpenCondor(condor.id(), legs, condor.expiry(), condor.contracts(),
                put ? credit : condor.putCredit(), put ? condor.callCredit() : credit, condor.openedAt(), costs, day.spx());
        commission(day.date(), 4);
    }

    private void commission(LocalDate date, int legs) {
        double amount = legs * condor.contracts() * config.optionSideCost();
        cash -= amount;
        rebalancingCosts += amount;
        List<OpenCondor.CondorCost> costs = new ArrayList<>(condor.costs());
        costs.add(new OpenCondor.CondorCost(date, amount, "COMMISSION"));
        condor = new OpenCondor(condor.id(), condor.legs(), condor.expiry(), condor.contracts(), condor.putCredit(),
                condor.callCredit(), condor.openedAt(), costs, condor.spxAtOpen());
    }

    /** Cost to buy the condor back, per share. */
    double value(MarketDay day) {
        CondorLegs l = condor.legs();
        return pricer.spread(OptionType.PUT, day, l.putShort(), l.putLong(), condor.expiry())
                + pricer.spread(OptionType.CALL, day, l.callShort(), l.callLong(), condor.expiry());
    }

    /** Realised cash plus the mark of the open condor (a liability). */
    double equity(MarketDay day) {
        return cash - (condor == null ? 0 : value(day) * 100 * condor.contracts());
    }

    /** Cash less the credit of the open condor, which is not earned until the condor is closed. */
    double realisedPnl() {
        return cash - (condor == null ? 0 : condor.credit() * 100 * condor.contracts());
    }

    double rebalancingCosts() {
        return rebalancingCosts;
    }

    OpenCondor condor() {
        return condor;
    }
}

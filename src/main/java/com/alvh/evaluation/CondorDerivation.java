package com.alvh.evaluation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import com.alvh.condor.CondorGreeks;
import com.alvh.condor.CondorLegs;
import com.alvh.condor.CondorPosition;
import com.alvh.condor.CondorRisk;
import com.alvh.condor.CondorRiskAnalysis;
import com.alvh.condor.PositionGreeks;
import com.alvh.condor.StrikeCushion;
import com.alvh.evaluation.request.CondorInput;
import com.alvh.evaluation.request.CostInput;
import com.alvh.evaluation.request.MarketInput;
import com.alvh.strategy.Profile;

/** Condor risk for the rules: greeks (given, or Black-Scholes from leg vols or a VIX proxy), break-evens, distances. */
final class CondorDerivation {

    /** Risk, position and the greeks with where they came from. */
    record Result(CondorRisk risk, CondorPosition position, PositionGreeks greeks, String greeksSource,
                  StrikeCushion cushion) {
    }

    private static final double SPX_MULTIPLIER = 100;

    private CondorDerivation() {
    }

    static Result derive(LocalDate asOf, MarketInput market, CondorInput condor, Profile profile) {
        CondorLegs legs = new CondorLegs(condor.putLong(), condor.putShort(), condor.callShort(), condor.callLong());
        double years = Math.max(ChronoUnit.DAYS.between(asOf, condor.expiry()), 0) / 365.0;
        PositionGreeks greeks;
        String source;
        if (condor.greeks() != null) {
            var g = condor.greeks();
            greeks = new PositionGreeks(g.delta(), g.gamma(), g.theta(), g.vega());
            source = "given";
        } else if (condor.impliedVols() != null) {
            var v = condor.impliedVols();
            greeks = CondorGreeks.fromLegVols(legs, condor.contracts(), market.spx(), years, profile.riskFreeRate(),
                    profile.dividendYield(), new double[] {v.putLong(), v.putShort(), v.callShort(), v.callLong()});
            source = "black-scholes from implied vols";
        } else {
            greeks = CondorGreeks.fromVixProxy(legs, condor.contracts(), market.spx(), years, profile.riskFreeRate(),
                    profile.dividendYield(), market.vix(), profile.volSkew());
            source = "black-scholes from VIX proxy";
        }
        double costs = condor.rebalancingCosts() == null ? 0
                : condor.rebalancingCosts().stream().mapToDouble(CostInput::amount).sum();
        CondorRisk risk = CondorRiskAnalysis.of(legs, condor.credit(), condor.contracts(), asOf, condor.expiry(),
                market.spx(), market.vix(), greeks, costs);
        double creditDollars = condor.credit() * SPX_MULTIPLIER * condor.contracts();
        CondorPosition position = new CondorPosition(condor.id(), condor.expiry(), condor.contracts(), creditDollars,
                Math.abs(risk.dollarGamma()) / creditDollars * 100);
        StrikeCushion cushion = condor.spxAtOpen() == null ? null : StrikeCushion.of(legs, condor.spxAtOpen(), market.spx());
        return new Result(risk, position, greeks, source, cushion);
    }
}

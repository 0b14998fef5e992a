package com.alvh.evaluation.answer;

import java.util.List;
import java.util.Map;

import com.alvh.condor.CondorRisk;
import com.alvh.condor.PositionGreeks;
import com.alvh.hedge.HedgeBook;
import com.alvh.hedge.Layer;
import com.alvh.hedge.VxMaturity;
import com.alvh.market.calendar.UpcomingEvent;
import com.alvh.market.curve.FuturePoint;
import com.alvh.market.curve.TermStructure;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/** Every value the service computed rather than received, so an auditor sees exactly what the rules saw. */
public record DerivedView(IndicatorsView indicators, TermStructure termStructure, List<FuturePoint> vixFutures,
                          CondorView condor, List<UpcomingEvent> events, HedgeView hedge,
                          List<VxMaturity> eligibleMaturities) {

    /** Indicators and the source of each ("given" or "derived"). */
    public record IndicatorsView(Double spxRsi14, Double vixRsi14, MacdView macd, BreadthView breadth,
                                 Map<String, String> sources) {
    }

    /** MACD(12,26,9) of SPX on the last bar. */
    public record MacdView(Double macd, Double signal, Double histogram, String crossover) {
    }

    /** Breadth on the last bar. */
    public record BreadthView(Boolean spxAtHigh, Double adLineBelowHighPct) {
    }

    /** Condor risk, plus the credit in dollars, gamma as % of credit and the greeks with their source. */
    public record CondorView(@JsonUnwrapped CondorRisk risk, @JsonSerialize(using = Money.Cents.class) double creditDollars, double gammaPctOfCredit,
                             PositionGreeks greeks, String greeksSource) {
    }

    /**
     * The hedge book summary and each layer marked on the curve. The list is not called {@code layers}: the unwrapped
     * book already writes its layer count under that name, and a duplicate key made the stored answer unreadable.
     */
    public record HedgeView(@JsonUnwrapped HedgeBook book, List<Layer> layers) {
    }
}

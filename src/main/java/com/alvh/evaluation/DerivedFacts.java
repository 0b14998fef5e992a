package com.alvh.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.alvh.condor.CondorPosition;
import com.alvh.condor.CondorRisk;
import com.alvh.condor.PositionGreeks;
import com.alvh.condor.StrikeCushion;
import com.alvh.hedge.HedgeBook;
import com.alvh.hedge.Layer;
import com.alvh.hedge.VxMaturity;
import com.alvh.market.Indicators;
import com.alvh.market.MarketSnapshot;
import com.alvh.market.Metric;
import com.alvh.market.calendar.UpcomingEvent;
import com.alvh.market.curve.FuturePoint;
import com.alvh.market.curve.TermStructure;
import com.alvh.strategy.Profile;

/**
 * Everything computed from a request before the rules run; the rules see exactly {@link #facts()}. {@code cushion} is
 * null when the request gives no {@code condor.spxAtOpen}.
 */
record DerivedFacts(Profile profile, MarketSnapshot market, Indicators indicators, Map<String, String> indicatorSources,
                    Map<String, Violation> missingInputs, List<FuturePoint> curve, TermStructure termStructure,
                    CondorRisk risk, CondorPosition position, PositionGreeks greeks, String greeksSource,
                    HedgeBook book, List<Layer> layers, List<UpcomingEvent> events, List<Metric> metrics,
                    List<VxMaturity> eligible, StrikeCushion cushion) {

    List<Object> facts() {
        List<Object> facts = new ArrayList<>(List.of(profile, market, indicators, termStructure, risk, position, book));
        facts.addAll(layers);
        facts.addAll(events);
        facts.addAll(metrics);
        if (cushion != null) {
            facts.add(cushion);
        }
        return facts;
    }
}

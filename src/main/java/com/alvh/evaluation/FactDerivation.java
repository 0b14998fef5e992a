package com.alvh.evaluation;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.alvh.evaluation.request.EvaluationRequest;
import com.alvh.evaluation.request.MarketInput;
import com.alvh.market.MarketSnapshot;
import com.alvh.market.Metric;
import com.alvh.market.calendar.EventProximity;
import com.alvh.market.calendar.UpcomingEvent;
import com.alvh.market.curve.FuturePoint;
import com.alvh.strategy.Profile;

/** Derives the rules' facts from a validated request and the profile; pure and deterministic. */
final class FactDerivation {

    private FactDerivation() {
    }

    static DerivedFacts derive(EvaluationRequest request, Profile profile) {
        RequestChecks.check(request);
        LocalDate asOf = request.asOf().atOffset(ZoneOffset.UTC).toLocalDate();
        MarketInput market = request.market();
        IndicatorDerivation.Result indicators = IndicatorDerivation.derive(market, profile);
        List<LocalDate> listed = CurveDerivation.listed(asOf);
        List<FuturePoint> curve = CurveDerivation.datedCurve(listed, market.vixFutures());
        var condor = CondorDerivation.derive(asOf, market, request.condor(), profile);
        var hedge = HedgeDerivation.derive(asOf, listed, market.vix(), request.hedge(), curve, profile,
                condor.position().creditDollars());
        Map<String, Violation> missing = new java.util.LinkedHashMap<>(indicators.missing());
        if (market.previousSlope() == null) {
            missing.put("previousSlope", new Violation("market.previousSlope",
                    "previousSlope (the VX curve slope of the previous snapshot) is missing; give market.previousSlope"));
        }
        if (request.condor().spxAtOpen() == null) {
            missing.put("spxAtOpen", new Violation("condor.spxAtOpen",
                    "spxAtOpen (SPX when the short strikes were placed) is missing; give condor.spxAtOpen"));
        }
        MissingInputs.checkRequired(profile, missing);
        return new DerivedFacts(profile, new MarketSnapshot(asOf, market.spx(), market.vix()), indicators.indicators(),
                indicators.sources(), java.util.Collections.unmodifiableMap(missing), curve, CurveDerivation.termStructure(asOf, market, curve),
                condor.risk(), condor.position(), condor.greeks(), condor.greeksSource(), hedge.book(), hedge.layers(),
                events(asOf, market), metrics(market), CurveDerivation.eligible(listed, request.condor().expiry(), curve),
                condor.cushion());
    }

    private static List<UpcomingEvent> events(LocalDate asOf, MarketInput market) {
        if (market.events() == null) {
            return List.of();
        }
        List<Map.Entry<String, LocalDate>> events = market.events().stream()
                .map(e -> Map.entry(e.type(), e.date())).toList();
        return EventProximity.upcoming(asOf, events);
    }

    private static List<Metric> metrics(MarketInput market) {
        if (market.metrics() == null) {
            return List.of();
        }
        return market.metrics().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new Metric(e.getKey(), e.getValue())).toList();
    }
}

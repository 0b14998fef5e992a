package com.alvh.backtest;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import com.alvh.backtest.data.MarketEvent;
import com.alvh.evaluation.request.CondorInput;
import com.alvh.evaluation.request.CostInput;
import com.alvh.evaluation.request.EvaluationRequest;
import com.alvh.evaluation.request.EventInput;
import com.alvh.evaluation.request.FutureQuote;
import com.alvh.evaluation.request.HedgeInput;
import com.alvh.evaluation.request.MarketInput;
import com.alvh.evaluation.request.SeriesInput;

/**
 * The evaluation request of one simulated day, built only from {@code seen}: the days up to and including
 * today. Scheduled events ahead are known in advance, so they are passed; breadth is not: there is no
 * advance/decline history, so neither indicators nor advance/decline series are sent and the breadth rules cannot
 * fire (the policy declares breadth unavailable rather than feeding a constant).
 */
final class RequestBuilder {

    private final String profile;
    private final BacktestConfig config;
    private final List<MarketEvent> events;

    RequestBuilder(String profile, BacktestConfig config, List<MarketEvent> events) {
        this.profile = profile;
        this.config = config;
        this.events = events;
    }

    EvaluationRequest build(List<MarketDay> seen, OpenCondor condor, HedgeArm arm, Double previousSlope) {
        MarketDay today = seen.get(seen.size() - 1);
        LocalDate date = today.date();
        List<MarketDay> recent = seen.subList(Math.max(0, seen.size() - config.seriesDays()), seen.size());
        SeriesInput series = new SeriesInput(recent.stream().map(MarketDay::spx).toList(),
                recent.stream().map(MarketDay::vix).toList(), null, null);
        List<FutureQuote> curve = VxPricing.listed(date).stream()
                .map(e -> new FutureQuote(e, VxPricing.price(today, e))).toList();
        List<EventInput> ahead = events.stream()
                .filter(e -> !e.date().isBefore(date) && !e.date().isAfter(date.plusDays(config.eventHorizonDays())))
                .map(e -> new EventInput(e.type(), e.date())).toList();
        MarketInput market = new MarketInput(today.spx(), today.vix(), today.vix3m(), curve, previousSlope,
                null, series, ahead, null);
        var legs = condor.legs();
        CondorInput condorInput = new CondorInput(condor.id(), condor.expiry(), condor.contracts(), legs.putLong(),
                legs.putShort(), legs.callShort(), legs.callLong(), condor.credit(), null, null,
                condor.costs().stream().map(c -> new CostInput(c.date(), c.amount(), c.kind())).toList(), condor.spxAtOpen());
        List<HedgeInput.LayerInput> layers = arm.layers().stream().map(l -> new HedgeInput.LayerInput(l.tranche(),
                l.instrument(), l.expiry(), l.contracts(), l.entryPrice(), l.openedAt())).toList();
        return new EvaluationRequest(profile, date.atTime(20, 0).toInstant(ZoneOffset.UTC), market, condorInput,
                new HedgeInput(layers, arm.lastRemoval()), null);
    }
}

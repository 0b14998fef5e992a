package com.alvh.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.alvh.evaluation.request.CondorInput;
import com.alvh.evaluation.request.EvaluationRequest;
import com.alvh.evaluation.request.EventInput;
import com.alvh.evaluation.request.FutureQuote;
import com.alvh.evaluation.request.IndicatorsInput;
import com.alvh.evaluation.request.MarketInput;

/** A fixed, plausible request (2 Aug 2024) to vary in tests. */
final class SampleRequest {

    private SampleRequest() {
    }

    static EvaluationRequest create(String profile) {
        MarketInput market = new MarketInput(5346.56, 23.39, null,
                List.of(new FutureQuote(LocalDate.of(2024, 8, 21), 20.15), new FutureQuote(LocalDate.of(2024, 9, 18), 19.35),
                        new FutureQuote(LocalDate.of(2024, 10, 16), 19.6)),
                null, new IndicatorsInput(38.2, 71.5, new IndicatorsInput.MacdInput(-21.4, -8.9, null, "BEARISH"),
                new IndicatorsInput.BreadthInput(false, 1.0)),
                null, List.of(new EventInput("CPI", LocalDate.of(2024, 8, 14))), Map.of());
        CondorInput condor = new CondorInput("IC-SAMPLE", LocalDate.of(2024, 9, 20), 10, 4900.0, 5000.0, 5700.0, 5800.0,
                5.10, null, null, List.of(), null);
        return new EvaluationRequest(profile, Instant.parse("2024-08-02T20:00:00Z"), market, condor, null, null);
    }
}

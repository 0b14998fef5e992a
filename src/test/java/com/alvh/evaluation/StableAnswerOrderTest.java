package com.alvh.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.alvh.strategy.ProfileCatalog;

/**
 * Maps written into answers keep the order in which they were derived. With {@code Map.copyOf} their order depended
 * on a per-JVM random salt, so the same request got differently ordered answers after a restart.
 */
class StableAnswerOrderTest {

    @Test
    void indicatorSourcesAndMissingInputsKeepTheirDerivationOrder() {
        var profile = ProfileCatalog.load(java.nio.file.Path.of("strategies"), ProfileCatalog.empty()).find("balanced")
                .orElseThrow().profile();
        var request = SampleRequest.create("balanced");

        var facts = FactDerivation.derive(request, profile);

        assertEquals(List.of("spxRsi14", "vixRsi14", "macd", "breadth"), List.copyOf(facts.indicatorSources().keySet()));
        assertEquals(List.of("previousSlope", "spxAtOpen"), List.copyOf(facts.missingInputs().keySet()));
    }
}

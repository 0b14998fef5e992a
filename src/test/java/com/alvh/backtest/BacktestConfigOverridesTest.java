package com.alvh.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class BacktestConfigOverridesTest {

    @Test
    void overridesOnlyTheNamedParameters() {
        BacktestConfig c = BacktestConfigOverrides.apply(BacktestConfig.defaults(),
                Map.of("staticHedgeRatio", 0.25, "condorContracts", "20"));
        assertEquals(0.25, c.staticHedgeRatio());
        assertEquals(20, c.condorContracts());
        assertEquals(BacktestConfig.defaults().shortDelta(), c.shortDelta());
    }

    @Test
    void refusesAnUnknownNameWithTheKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> BacktestConfigOverrides.apply(BacktestConfig.defaults(), Map.of("staticRatio", 0.25)));
        assertTrue(e.getMessage().startsWith("config.staticRatio: unknown parameter"), e.getMessage());
        assertTrue(e.getMessage().contains("staticHedgeRatio"), e.getMessage());
    }

    @Test
    void refusesAFractionForAWholeNumberAndValuesOutOfRange() {
        assertThrows(IllegalArgumentException.class,
                () -> BacktestConfigOverrides.apply(BacktestConfig.defaults(), Map.of("condorContracts", 2.5)));
        var delta = assertThrows(IllegalArgumentException.class,
                () -> BacktestConfigOverrides.apply(BacktestConfig.defaults(), Map.of("shortDelta", 0.7)));
        assertEquals("config.shortDelta: must be between 0 and 0.5", delta.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> BacktestConfigOverrides.apply(BacktestConfig.defaults(), Map.of("capital", -1)));
    }
}

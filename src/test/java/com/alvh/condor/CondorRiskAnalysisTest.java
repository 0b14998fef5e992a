package com.alvh.condor;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class CondorRiskAnalysisTest {

    private static final CondorLegs CONDOR = new CondorLegs(4900, 5000, 5700, 5800);
    private static final double CREDIT = 5.10;
    private static final int CONTRACTS = 10;
    private static final LocalDate AS_OF = LocalDate.of(2025, 3, 3);
    private static final PositionGreeks GREEKS = new PositionGreeks(-12.0, -2.0, 150.0, -800.0);

    private static CondorRisk risk(LocalDate expiry, double spx, double vix, double costs) {
        return CondorRiskAnalysis.of(CONDOR, CREDIT, CONTRACTS, AS_OF, expiry, spx, vix, GREEKS, costs);
    }

    @Test
    void computesBreakEvensAndMaxLossOfTheExampleCondor() {
        CondorRisk risk = risk(AS_OF.plusDays(30), 5300, 16, 0);

        assertAll(
                () -> assertEquals(4994.90, risk.breakEvenLower(), 1e-9),
                () -> assertEquals(5705.10, risk.breakEvenUpper(), 1e-9),
                // (100 - 5.10) * 100 * 10
                () -> assertEquals(94_900.0, risk.maxLoss(), 1e-6));
    }

    @Test
    void measuresDistanceToBreakEvensInPercentAndSigmaOverThirtyDays() {
        CondorRisk risk = risk(AS_OF.plusDays(30), 5300, 16, 0);

        // By hand: sigma = 0.16 * 5300 * sqrt(30/365) = 848 * 0.2866911 = 243.11404 points;
        // 305.10 and 405.10 points to the break-evens.
        assertAll(
                () -> assertEquals(30, risk.daysToExpiry()),
                () -> assertEquals(5.7566038, risk.distanceToLowerPct(), 1e-7),
                () -> assertEquals(7.6433962, risk.distanceToUpperPct(), 1e-7),
                () -> assertEquals(1.2549666, risk.distanceToLowerSigma(), 1e-7),
                () -> assertEquals(1.6662962, risk.distanceToUpperSigma(), 1e-7));
    }

    @Test
    void sigmaOverOneYearIsVixTimesSpx() {
        // 2025-03-03 to 2026-03-03 spans no 29 February: 365 days, so sigma = 0.20 * 5300 = 1060 points.
        CondorRisk risk = risk(LocalDate.of(2026, 3, 3), 5300, 20, 0);

        assertEquals(365, risk.daysToExpiry());
        assertEquals(305.1 / 1060, risk.distanceToLowerSigma(), 1e-12);
        assertEquals(405.1 / 1060, risk.distanceToUpperSigma(), 1e-12);
    }

    @Test
    void usesOneDayOfSigmaOnExpiryDay() {
        CondorRisk risk = risk(AS_OF, 5300, 20, 0);

        // sigma = 0.20 * 5300 * sqrt(1/365) = 55.4829358 points
        assertEquals(0, risk.daysToExpiry());
        assertEquals(305.1 / 55.4829358, risk.distanceToLowerSigma(), 1e-7);
    }

    @Test
    void reportsNegativeDistanceOnceSpxIsBeyondABreakEven() {
        CondorRisk risk = risk(AS_OF.plusDays(10), 4900, 30, 0);

        assertTrue(risk.distanceToLowerPct() < 0 && risk.distanceToLowerSigma() < 0);
        assertEquals((4900 - 4994.90) / 4900 * 100, risk.distanceToLowerPct(), 1e-12);
    }

    @Test
    void reportsDollarVegaAndGammaPnlOfAOnePercentMove() {
        CondorRisk risk = risk(AS_OF.plusDays(30), 5000, 16, 0);

        assertEquals(-800.0, risk.dollarVega(), 0.0);
        // 0.5 * (-2 $/point per point) * (50 points)^2
        assertEquals(-2500.0, risk.dollarGamma(), 1e-9);
    }

    @Test
    void expressesRebalancingCostsAsPercentOfCreditReceived() {
        // Credit received: 5.10 * 100 * 10 = $5,100.
        CondorRisk risk = risk(AS_OF.plusDays(30), 5300, 16, 1275);

        assertEquals(1275.0, risk.rebalancingCosts(), 0.0);
        assertEquals(25.0, risk.rebalancingCostsPctOfCredit(), 1e-9);
    }

    @Test
    void rejectsAnExpiryBeforeTheEvaluationDateAndMissingCredit() {
        assertThrows(IllegalArgumentException.class, () -> risk(AS_OF.minusDays(1), 5300, 16, 0));
        assertThrows(IllegalArgumentException.class,
                () -> CondorRiskAnalysis.of(CONDOR, 0, CONTRACTS, AS_OF, AS_OF, 5300, 16, GREEKS, 0));
        assertThrows(IllegalArgumentException.class, () -> risk(AS_OF.plusDays(1), 5300, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> risk(AS_OF.plusDays(1), 5300, 16, -1));
    }
}

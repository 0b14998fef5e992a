package com.alvh.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.alvh.condor.VolatilitySkew;
import com.alvh.condor.pricing.BlackScholes;
import com.alvh.condor.pricing.OptionType;
import com.alvh.testing.ShippedRules;

class PricingTest {

    private static final LocalDate MONDAY = LocalDate.of(2024, 8, 5);

    @Test
    void opensOnTheMonthlyExpiryNearestTheTargetDte() {
        // 2024-08-05 + 45 days = 2024-09-19; the third Friday of September 2024 is the 20th.
        assertEquals(LocalDate.of(2024, 9, 20), CondorPricer.monthlyExpiryNear(MONDAY, 45));
        // 2025-03-03 + 45 = 2025-04-17; April's third Friday is Good Friday (a holiday), so Thursday the 17th.
        assertEquals(LocalDate.of(2025, 4, 17), CondorPricer.monthlyExpiryNear(LocalDate.of(2025, 3, 3), 45));
    }

    @Test
    void shortStrikesSitAtTheTargetDeltaOnTheFivePointGrid() {
        MarketDay day = MarketDay.of(MONDAY, 5186.33, 20, null);
        LocalDate expiry = LocalDate.of(2024, 9, 20);
        var profile = ShippedRules.BALANCED.profile();
        CondorPricer pricer = new CondorPricer(profile);
        for (OptionType type : OptionType.values()) {
            double strike = pricer.strikeAtDelta(type, day, expiry, 0.16);
            assertEquals(0, strike % 5);
            double vol = VolatilitySkew.impliedVol(0.20, day.spx(), strike, profile.volSkew());
            double delta = Math.abs(BlackScholes.price(type, day.spx(), strike, CondorPricer.years(MONDAY, expiry),
                    profile.riskFreeRate(), profile.dividendYield(), vol).delta());
            assertEquals(0.16, delta, 0.01, type + " at " + strike);
        }
    }

    @Test
    void pricesALayerFromTheSettlementOfItsOwnContract() {
        LocalDate september = LocalDate.of(2024, 9, 18);
        LocalDate october = LocalDate.of(2024, 10, 16);
        MarketDay day = new MarketDay(LocalDate.of(2024, 8, 21), 5600, 16, 18.0, Map.of(september, 17.0, october, 18.0));
        assertEquals(17.0, VxPricing.price(day, september));
        assertEquals(18.0, VxPricing.price(day, october));
        assertFalse(VxPricing.modelled(day, october));
        assertTrue(VxPricing.modelled(day, LocalDate.of(2024, 11, 20)), "November is not quoted that day");
    }

    @Test
    void fillsGapsAndImplausibleQuotesWithTheModel() {
        LocalDate august = LocalDate.of(2024, 8, 21);
        LocalDate september = LocalDate.of(2024, 9, 18);
        MarketDay day = new MarketDay(MONDAY, 5186, 20, 18.0, Map.of(august, 60.0));
        // 60 is more than 3 × VIX: a data error. Model: VIX3M + (VIX − VIX3M)·exp(−T/30).
        assertEquals(18 + 2 * Math.exp(-16 / 30.0), VxPricing.price(day, august), 1e-12);
        assertEquals(18 + 2 * Math.exp(-44 / 30.0), VxPricing.price(day, september), 1e-12);
        MarketDay noVix3m = MarketDay.of(MONDAY, 5186, 20, null);
        assertEquals(20.0, VxPricing.price(noVix3m, september));
    }

    @Test
    void aLayerHeldToExpirySettlesAtTheFinalSettlementAndModelledDaysAreCounted() {
        HedgeArm arm = new HedgeArm("test", BacktestConfig.defaults());
        LocalDate august = LocalDate.of(2024, 8, 21);
        arm.open(new MarketDay(MONDAY, 5186, 20, 18.0, Map.of(august, 19.0)), 1, "VX", august, 1);
        arm.accrueCarry(new MarketDay(MONDAY, 5186, 20, 18.0, Map.of(august, 19.0)));
        arm.accrueCarry(MarketDay.of(MONDAY.plusDays(1), 5186, 20, 18.0));
        assertEquals(2, arm.layerDays());
        assertEquals(1, arm.modelledDays());
        double before = arm.cash();
        // Final settlement 15.5 on the expiry day although VIX closed at 16.
        arm.settleExpired(new MarketDay(august, 5600, 16, 18.0, Map.of(august, 15.5)));
        assertEquals((15.5 - 19.0) * 1000 - 2.5, arm.cash() - before, 1e-9);
        assertTrue(arm.layers().isEmpty());
    }

    @Test
    void aLayerRealisesItsPriceChangeLessCostsOnBothSides() {
        BacktestConfig config = BacktestConfig.defaults();
        HedgeArm arm = new HedgeArm("test", config);
        LocalDate expiry = LocalDate.of(2024, 10, 16);
        arm.open(MarketDay.of(MONDAY, 5000, 20, null), 1, "VX", expiry, 2);
        arm.close(MarketDay.of(MONDAY.plusDays(1), 5000, 23, null), 1);
        // (23 − 20) × $1000 × 2 = 6000; costs 2 sides × 2 contracts × (1.50 + 1.00 + 0.025 × 1000) = 110.
        assertEquals(6000 - 110, arm.cash(), 1e-9);
        assertEquals(110, arm.tradingCosts(), 1e-9);
        assertTrue(arm.layers().isEmpty());
    }
}

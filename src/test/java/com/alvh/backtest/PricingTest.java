package com.alvh.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.alvh.condor.VolatilitySkew;
import com.alvh.condor.pricing.BlackScholes;
import com.alvh.condor.pricing.OptionType;
import com.alvh.testing.ShippedRules;

class PricingTest {

    private static final double NAN = Double.NaN;
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
        MarketDay day = new MarketDay(MONDAY, 5186.33, 20, null, new double[0]);
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
    void pricesALayerFromTheCurveRankedFromTheNextDay() {
        // On 2024-08-21 (an expiry day) the file has already rolled: M1 is September, M2 October.
        double[] curve = {17.0, 18.0, 19.0, NAN, NAN, NAN, NAN, NAN};
        MarketDay expiryDay = new MarketDay(LocalDate.of(2024, 8, 21), 5600, 16, 18.0, curve);
        assertEquals(17.0, VxPricing.price(expiryDay, LocalDate.of(2024, 9, 18)));
        assertEquals(18.0, VxPricing.price(expiryDay, LocalDate.of(2024, 10, 16)));
    }

    @Test
    void fillsGapsAndImplausibleQuotesWithTheModel() {
        double[] curve = {60.0, NAN};
        MarketDay day = new MarketDay(MONDAY, 5186, 20, 18.0, curve);
        LocalDate august = LocalDate.of(2024, 8, 21);
        LocalDate september = LocalDate.of(2024, 9, 18);
        // 60 is more than 3 × VIX: a data error. Model: VIX3M + (VIX − VIX3M)·exp(−T/30).
        assertEquals(18 + 2 * Math.exp(-16 / 30.0), VxPricing.price(day, august), 1e-12);
        assertEquals(18 + 2 * Math.exp(-44 / 30.0), VxPricing.price(day, september), 1e-12);
        MarketDay noVix3m = new MarketDay(MONDAY, 5186, 20, null, new double[0]);
        assertEquals(20.0, VxPricing.price(noVix3m, september));
    }

    @Test
    void aLayerRealisesItsPriceChangeLessCostsOnBothSides() {
        BacktestConfig config = BacktestConfig.defaults();
        HedgeArm arm = new HedgeArm("test", config);
        LocalDate expiry = LocalDate.of(2024, 10, 16);
        arm.open(new MarketDay(MONDAY, 5000, 20, null, new double[0]), 1, "VX", expiry, 2);
        arm.close(new MarketDay(MONDAY.plusDays(1), 5000, 23, null, new double[0]), 1);
        // (23 − 20) × $1000 × 2 = 6000; costs 2 sides × 2 contracts × (1.50 + 1.00 + 0.025 × 1000) = 110.
        assertEquals(6000 - 110, arm.cash(), 1e-9);
        assertEquals(110, arm.tradingCosts(), 1e-9);
        assertTrue(arm.layers().isEmpty());
    }
}

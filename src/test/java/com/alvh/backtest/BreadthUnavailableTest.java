package com.alvh.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.alvh.testing.ShippedRules;

/** No advance/decline history exists: a backtest sends no breadth at all, and the shipped rules still decide. */
class BreadthUnavailableTest {

    @Test
    void requestsCarryNoBreadthAndTheBreadthRulesNeverActOnHistory() {
        MarketHistory market = GeneratedMarket.history(160);
        var profile = ShippedRules.BALANCED;
        BacktestConfig config = BacktestConfig.defaults();
        CondorBook book = new CondorBook(config, new CondorPricer(profile.profile()));
        List<MarketDay> seen = market.days().subList(0, 60);
        book.step(seen.get(seen.size() - 1));
        var request = new RequestBuilder("balanced", config, market.events()).build(seen, book.condor(),
                new HedgeArm("alvh", config), null);
        assertNull(request.market().indicators(), "no breadth (nor any other given indicator)");
        assertNull(request.market().series().advances());
        assertNull(request.market().series().declines());

        BacktestResult result = Simulation.run(market, market.days().get(40).date(), LocalDate.of(2030, 1, 1), config,
                profile, ShippedRules.RULES, line -> { });
        var alvh = result.arms().get(2).metrics().actionsPerRule();
        assertEquals(0, alvh.keySet().stream().filter(r -> r.toLowerCase().contains("breadth")).count(), alvh.toString());
    }
}

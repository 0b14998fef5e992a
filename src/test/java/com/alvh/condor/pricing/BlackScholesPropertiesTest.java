package com.alvh.condor.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Model identities that must hold for any inputs, checked across a grid of market states. */
class BlackScholesPropertiesTest {

    private static final double RATE = 0.045;

    static Stream<Arguments> grid() {
        List<Arguments> cases = new ArrayList<>();
        for (double strike : new double[] {4500, 5000, 5500, 6000}) {
            for (double years : new double[] {1.0 / 365, 30.0 / 365, 0.5, 2.0}) {
                for (double dividendYield : new double[] {0.0, 0.015, 0.05}) {
                    for (double vol : new double[] {0.08, 0.20, 0.60}) {
                        cases.add(Arguments.of(strike, years, dividendYield, vol));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("grid")
    void satisfiesPutCallParityWithDividends(double strike, double years, double q, double vol) {
        double spot = 5200;
        OptionGreeks call = BlackScholes.price(OptionType.CALL, spot, strike, years, RATE, q, vol);
        OptionGreeks put = BlackScholes.price(OptionType.PUT, spot, strike, years, RATE, q, vol);

        double forwardValue = spot * Math.exp(-q * years) - strike * Math.exp(-RATE * years);
        assertEquals(forwardValue, call.price() - put.price(), 1e-8 * spot);
        // Differentiating parity by spot: call delta - put delta = e^{-qT}.
        assertEquals(Math.exp(-q * years), call.delta() - put.delta(), 1e-12);
    }

    @ParameterizedTest
    @MethodSource("grid")
    void givesCallsAndPutsTheSameGammaAndVega(double strike, double years, double q, double vol) {
        OptionGreeks call = BlackScholes.price(OptionType.CALL, 5200, strike, years, RATE, q, vol);
        OptionGreeks put = BlackScholes.price(OptionType.PUT, 5200, strike, years, RATE, q, vol);

        assertEquals(call.gamma(), put.gamma(), 1e-15);
        assertEquals(call.vega(), put.vega(), 1e-9);
    }

    @ParameterizedTest
    @MethodSource("grid")
    void greeksAgreeWithFiniteDifferencesOfThePrice(double strike, double years, double q, double vol) {
        double spot = 5200;
        for (OptionType type : OptionType.values()) {
            OptionGreeks g = BlackScholes.price(type, spot, strike, years, RATE, q, vol);
            double h = spot * 1e-4;
            double up = BlackScholes.price(type, spot + h, strike, years, RATE, q, vol).price();
            double down = BlackScholes.price(type, spot - h, strike, years, RATE, q, vol).price();
            double dv = 1e-5;
            double volUp = BlackScholes.price(type, spot, strike, years, RATE, q, vol + dv).price();
            double volDown = BlackScholes.price(type, spot, strike, years, RATE, q, vol - dv).price();
            double dt = years * 1e-5;
            // Theta is the change as time passes, i.e. as time to expiry shrinks.
            double later = BlackScholes.price(type, spot, strike, years - dt, RATE, q, vol).price();
            double earlier = BlackScholes.price(type, spot, strike, years + dt, RATE, q, vol).price();

            assertEquals((up - down) / (2 * h), g.delta(), 1e-5, type + " delta");
            assertEquals((up - 2 * g.price() + down) / (h * h), g.gamma(), 1e-5 + 1e-3 * g.gamma(), type + " gamma");
            assertEquals((volUp - volDown) / (2 * dv), g.vega(), 1e-4 * Math.max(1, g.vega()), type + " vega");
            assertEquals((later - earlier) / (2 * dt), g.theta(), 1e-4 * Math.max(1, Math.abs(g.theta())), type + " theta");
        }
    }
}

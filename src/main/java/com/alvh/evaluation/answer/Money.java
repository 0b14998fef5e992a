package com.alvh.evaluation.answer;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

import com.alvh.condor.CondorRisk;
import com.alvh.hedge.HedgeAction;
import com.alvh.hedge.HedgeBook;
import com.alvh.hedge.Layer;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Amounts of money in an answer are written rounded to cents (half-even), so a client sees {@code 5100.0}, not
 * {@code 5099.999999999999}. Only the rendering rounds: rules and derivations keep full precision, so a decision
 * never depends on the rounding, and a replay re-renders with this same code.
 *
 * <p>Money, in dollars: the condor's {@code maxLoss}, {@code dollarVega}, {@code dollarGamma},
 * {@code rebalancingCosts} and {@code creditDollars}; the hedge book's {@code monthlyCarry} and {@code pnl}; each
 * layer's {@code pnl}; an action's {@code rollCost}. Everything else (prices, ratios, percentages, greeks,
 * indicator values) is written as computed. The same list is in docs/errors.md, "Money in answers".
 *
 * <p>The domain records stay free of Jackson: the annotations are attached as mix-ins by {@link #module()}.
 */
public final class Money {

    private Money() {
    }

    /** The cents rounding, half-even so that a series of rounded amounts carries no bias. */
    public static double cents(double dollars) {
        if (!Double.isFinite(dollars)) {
            return dollars;
        }
        return BigDecimal.valueOf(dollars).setScale(2, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** Jackson module that rounds the money fields listed above; registered on the service's ObjectMapper. */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("alvh-money");
        module.setMixInAnnotation(CondorRisk.class, CondorRiskMoney.class);
        module.setMixInAnnotation(HedgeBook.class, HedgeBookMoney.class);
        module.setMixInAnnotation(Layer.class, LayerMoney.class);
        module.setMixInAnnotation(HedgeAction.class, HedgeActionMoney.class);
        return module;
    }

    /** Writes a Double/double rounded to cents; null stays null (Jackson writes nulls without calling us). */
    public static final class Cents extends JsonSerializer<Double> {
        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeNumber(cents(value));
        }
    }

    abstract static class CondorRiskMoney {
        @JsonSerialize(using = Cents.class)
        abstract double maxLoss();

        @JsonSerialize(using = Cents.class)
        abstract double dollarVega();

        @JsonSerialize(using = Cents.class)
        abstract double dollarGamma();

        @JsonSerialize(using = Cents.class)
        abstract double rebalancingCosts();
    }

    abstract static class HedgeBookMoney {
        @JsonSerialize(using = Cents.class)
        abstract double monthlyCarry();

        @JsonSerialize(using = Cents.class)
        abstract double pnl();
    }

    abstract static class LayerMoney {
        @JsonSerialize(using = Cents.class)
        abstract double pnl();
    }

    abstract static class HedgeActionMoney {
        @JsonSerialize(using = Cents.class)
        abstract Double rollCost();
    }
}

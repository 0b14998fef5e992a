package com.alvh.research;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.alvh.backtest.Metrics;

/** A condition a variant's metrics must meet to be ranked, e.g. {@code maxDrawdown <= 150000}. */
public record Constraint(Objective metric, String operator, double bound) {

    private static final Pattern FORM = Pattern.compile("\\s*([A-Za-z/_ -]+?)\\s*(<=|>=|<|>)\\s*(-?[0-9.eE+-]+)\\s*");

    public static Constraint parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad constraint '" + text + "'; expected e.g. 'maxDrawdown <= 150000'");
        }
        double bound;
        try {
            bound = Double.parseDouble(m.group(3));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number in constraint '" + text + "'");
        }
        return new Constraint(Objective.parse(m.group(1)), m.group(2), bound);
    }

    public boolean holds(Metrics metrics, double sharpe) {
        double v = metric.value(metrics, sharpe);
        return switch (operator) {
            case "<=" -> v <= bound;
            case ">=" -> v >= bound;
            case "<" -> v < bound;
            default -> v > bound;
        };
    }

    @Override
    public String toString() {
        return metric + " " + operator + " " + bound;
    }
}

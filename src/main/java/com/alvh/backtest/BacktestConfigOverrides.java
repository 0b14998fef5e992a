package com.alvh.backtest;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies overrides, by parameter name, to a {@link BacktestConfig}: from a YAML file on the command line
 * ({@code --config FILE}) or from the {@code config} object of an API request. Unknown names and values out of
 * range are refused with the name, so a typo never silently runs the defaults.
 */
public final class BacktestConfigOverrides {

    private BacktestConfigOverrides() {
    }

    public static BacktestConfig apply(BacktestConfig base, Map<String, ?> overrides) {
        RecordComponent[] components = BacktestConfig.class.getRecordComponents();
        List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent c : components) {
            values.put(c.getName(), read(c, base));
        }
        overrides.forEach((name, value) -> {
            if (!names.contains(name)) {
                throw new IllegalArgumentException("config." + name + ": unknown parameter; known: " + names);
            }
            values.put(name, convert(name, values.get(name), value));
        });
        BacktestConfig config = construct(components, values);
        check(config);
        return config;
    }

    private static Object convert(String name, Object current, Object value) {
        double number;
        try {
            number = value instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("config." + name + ": '" + value + "' is not a number");
        }
        if (!Double.isFinite(number) || number < 0) {
            throw new IllegalArgumentException("config." + name + ": must be a finite number ≥ 0, got " + value);
        }
        if (current instanceof Integer) {
            if (number != Math.rint(number)) {
                throw new IllegalArgumentException("config." + name + ": must be a whole number, got " + value);
            }
            return (int) number;
        }
        return number;
    }

    private static void check(BacktestConfig c) {
        require(c.shortDelta() > 0 && c.shortDelta() < 0.5, "shortDelta", "must be between 0 and 0.5");
        require(c.condorContracts() >= 1, "condorContracts", "must be at least 1");
        require(c.wingWidth() > 0, "wingWidth", "must be positive");
        require(c.closeAtDte() < c.targetDte(), "closeAtDte", "must be below targetDte");
        require(c.profitTargetPct() > 0 && c.profitTargetPct() <= 100, "profitTargetPct", "must be in (0, 100]");
        require(c.staticHedgeRatio() <= 2, "staticHedgeRatio", "must be at most 2");
        require(c.seriesDays() >= 35, "seriesDays", "must be at least 35 (MACD 12/26/9 needs 35 closes)");
        require(c.capital() > 0, "capital", "must be positive");
    }

    private static void require(boolean ok, String name, String message) {
        if (!ok) {
            throw new IllegalArgumentException("config." + name + ": " + message);
        }
    }

    private static Object read(RecordComponent c, BacktestConfig config) {
        try {
            return c.getAccessor().invoke(config);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BacktestConfig construct(RecordComponent[] components, Map<String, Object> values) {
        try {
            return BacktestConfig.class.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new)).newInstance(Arrays.stream(components).map(c -> values.get(c.getName())).toArray());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}

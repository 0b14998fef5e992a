package com.alvh.research;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

import com.alvh.strategy.ProfileSchema;

/**
 * A sweep file (YAML):
 * <pre>
 * profile: balanced
 * parameters:                        # profile keys (any section, or the base profile's own parameters:) and the values to try
 *   proximitySigma: [0.75, 1.0, 1.5]
 *   calmVixMax: {from: 14, to: 20, step: 2}
 * fit:  {from: 2005-06-01, to: 2014-12-31}
 * test: {from: 2015-01-01, to: 2025-04-04}   # optional; never used to rank
 * objective: return/drawdown         # or sharpe, maxDrawdown, hedgeCost, totalPnl
 * constraints: ["maxDrawdown &lt;= 300000"]
 * pboBlocks: 8                       # CSCV blocks of the fit window (even)
 * walkForward: {mode: rolling, folds: 5}   # optional: the test window cut into folds, see {@link WalkForward}
 * </pre>
 */
public record SweepSpec(String profile, Map<String, List<Object>> parameters, Window fit, Window test,
                        Objective objective, List<Constraint> constraints, int pboBlocks, WalkForward walkForward) {

    public SweepSpec {
        walkForward = walkForward == null ? WalkForward.SINGLE : walkForward;
    }

    public SweepSpec(String profile, Map<String, List<Object>> parameters, Window fit, Window test, Objective objective,
                     List<Constraint> constraints, int pboBlocks) {
        this(profile, parameters, fit, test, objective, constraints, pboBlocks, WalkForward.SINGLE);
    }

    /** The fit/test windows each variant runs on: one fold unless the sweep walks forward. */
    public List<WalkForward.Fold> folds() {
        return walkForward.folds(fit, test);
    }

    /** A closed date range. */
    public record Window(LocalDate from, LocalDate to) {
        public Window {
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("window from " + from + " must be before to " + to);
            }
        }
    }

    /** Every combination of the parameter values, the first parameter varying slowest. */
    public List<Map<String, Object>> variants() {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (var p : parameters.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> partial : out) {
                for (Object value : p.getValue()) {
                    Map<String, Object> v = new LinkedHashMap<>(partial);
                    v.put(p.getKey(), value);
                    next.add(v);
                }
            }
            out = next;
        }
        return out;
    }

    public static SweepSpec read(Path file) throws IOException {
        Object root = new Yaml().load(Files.readString(file));
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(file + ": a sweep file is a mapping (profile, parameters, fit, ...)");
        }
        try {
            return of(map);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** A sweep from its parsed YAML (see the class comment for the keys). */
    public static SweepSpec of(Map<?, ?> map) {
        String profile = String.valueOf(map.containsKey("profile") ? map.get("profile") : "balanced");
        if (!(map.get("parameters") instanceof Map<?, ?> params) || params.isEmpty()) {
            throw new IllegalArgumentException("'parameters' must name at least one profile key and its values");
        }
        Map<String, List<Object>> parameters = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            String key = String.valueOf(k);
            if (ProfileSchema.field(key).isEmpty() && !key.matches(ProfileSchema.PARAMETER_NAME)) {
                throw new IllegalArgumentException("unknown profile parameter '" + key + "'");
            }
            parameters.put(key, values(key, v));
        });
        Window fit = window("fit", map.get("fit"));
        Window test = map.containsKey("test") ? window("test", map.get("test")) : null;
        if (test != null && !test.from().isAfter(fit.to())) {
            throw new IllegalArgumentException("the test window must start after the fit window ends");
        }
        Objective objective = map.containsKey("objective") ? Objective.parse(String.valueOf(map.get("objective")))
                : Objective.RETURN_OVER_DRAWDOWN;
        List<Constraint> constraints = new ArrayList<>();
        if (map.get("constraints") instanceof List<?> list) {
            list.forEach(c -> constraints.add(Constraint.parse(String.valueOf(c))));
        }
        int blocks = map.containsKey("pboBlocks") ? ((Number) map.get("pboBlocks")).intValue() : 8;
        if (blocks < 2 || blocks % 2 != 0 || blocks > 16) {
            throw new IllegalArgumentException("pboBlocks must be even, between 2 and 16, was " + blocks);
        }
        WalkForward walk = WalkForward.SINGLE;
        if (map.get("walkForward") instanceof Map<?, ?> w) {
            walk = new WalkForward(WalkForward.mode(String.valueOf(w.containsKey("mode") ? w.get("mode") : "anchored")),
                    w.containsKey("folds") ? ((Number) w.get("folds")).intValue() : 1);
        } else if (map.containsKey("walkForward")) {
            throw new IllegalArgumentException("'walkForward' must be {mode: anchored|rolling, folds: N}");
        }
        SweepSpec spec = new SweepSpec(profile, parameters, fit, test, objective, List.copyOf(constraints), blocks, walk);
        spec.folds(); // a walk that does not fit the windows fails here, before any run
        return spec;
    }

    private static List<Object> values(String key, Object v) {
        if (v instanceof List<?> list && !list.isEmpty()) {
            return List.copyOf(list);
        }
        if (v instanceof Map<?, ?> range && range.get("from") instanceof Number from && range.get("to") instanceof Number to
                && range.get("step") instanceof Number step) {
            // Decimal arithmetic, so 0.1 steps land on 0.3 and not 0.30000000000000004.
            BigDecimal s = new BigDecimal(step.toString());
            if (s.signum() <= 0) {
                throw new IllegalArgumentException(key + ": step must be positive");
            }
            List<Object> out = new ArrayList<>();
            for (BigDecimal x = new BigDecimal(from.toString()); x.compareTo(new BigDecimal(to.toString())) <= 0; x = x.add(s)) {
                out.add(x.stripTrailingZeros().scale() <= 0 ? (Object) x.intValueExact() : (Object) x.doubleValue());
                if (out.size() > 10_000) {
                    throw new IllegalArgumentException(key + ": more than 10000 values");
                }
            }
            return out;
        }
        throw new IllegalArgumentException(key + ": give a list of values or {from, to, step}");
    }

    private static Window window(String name, Object v) {
        if (!(v instanceof Map<?, ?> m) || !m.containsKey("from") || !m.containsKey("to")) {
            throw new IllegalArgumentException("'" + name + "' must be {from: YYYY-MM-DD, to: YYYY-MM-DD}");
        }
        return new Window(date(m.get("from")), date(m.get("to")));
    }

    /** SnakeYAML reads an unquoted ISO date as a java.util.Date at UTC midnight; a quoted one stays text. */
    private static LocalDate date(Object v) {
        if (v instanceof java.util.Date d) {
            return d.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
        }
        return LocalDate.parse(String.valueOf(v));
    }
}

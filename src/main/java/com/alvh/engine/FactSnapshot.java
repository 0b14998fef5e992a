package com.alvh.engine;

import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Copies a fact's field values at the moment of a firing, as plain JSON-friendly values, so the trail
 * shows what the rule saw even if later rules insert or change facts.
 */
final class FactSnapshot {

    private FactSnapshot() {
    }

    static MatchedFact of(Object fact) {
        return new MatchedFact(fact.getClass().getSimpleName(), fields(fact));
    }

    private static Map<String, Object> fields(Object fact) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (fact.getClass().isRecord()) {
            for (RecordComponent component : fact.getClass().getRecordComponents()) {
                fields.put(component.getName(), plain(read(component, fact)));
            }
        } else {
            fields.put("value", String.valueOf(fact));
        }
        return fields;
    }

    private static Object read(RecordComponent component, Object fact) {
        try {
            return component.getAccessor().invoke(fact);
        } catch (ReflectiveOperationException e) {
            return "(unreadable)";
        }
    }

    private static Object plain(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof TemporalAccessor) {
            return value.toString();
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(FactSnapshot::plain).toList();
        }
        if (value.getClass().isRecord()) {
            return fields(value);
        }
        return value.toString();
    }
}

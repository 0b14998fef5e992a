package com.alvh.engine;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.AbstractList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a fact into plain JSON-friendly field values, as the trail shows it. The runner keeps references to
 * the matched facts (the project's facts are immutable records) and this snapshot is taken only when the
 * trail is read, typically when the answer is rendered; each record type's accessors are looked up once.
 * Facts that are not records (declared types, which rules may change) are snapshot when the firing happens.
 */
final class FactSnapshot {

    private static final ClassValue<Accessor[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Accessor[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Accessor[] accessors = new Accessor[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = new Accessor(components[i].getName(), components[i].getAccessor());
            }
            return accessors;
        }
    };

    private record Accessor(String name, Method method) {
    }

    private FactSnapshot() {
    }

    static MatchedFact of(Object fact) {
        return new MatchedFact(fact.getClass().getSimpleName(), fields(fact));
    }

    /** Whether a fact may be kept by reference and snapshot later. */
    static boolean immutable(Object fact) {
        return fact.getClass().isRecord() || fact instanceof Enum<?> || fact instanceof String || fact instanceof Number;
    }

    /** The matched facts of a firing, snapshot on first read. */
    static List<MatchedFact> lazily(Object[] facts) {
        for (int i = 0; i < facts.length; i++) {
            if (!immutable(facts[i])) {
                facts[i] = of(facts[i]);
            }
        }
        return new Lazy(facts);
    }

    private static Map<String, Object> fields(Object fact) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (fact.getClass().isRecord()) {
            for (Accessor accessor : ACCESSORS.get(fact.getClass())) {
                fields.put(accessor.name(), plain(read(accessor, fact)));
            }
        } else {
            fields.put("value", String.valueOf(fact));
        }
        return fields;
    }

    private static Object read(Accessor accessor, Object fact) {
        try {
            return accessor.method().invoke(fact);
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

    /** An immutable list whose elements are snapshot from the kept facts when first read. */
    private static final class Lazy extends AbstractList<MatchedFact> {
        private final Object[] facts;

        Lazy(Object[] facts) {
            this.facts = facts;
        }

        @Override
        public MatchedFact get(int index) {
            Object fact = facts[index];
            if (fact instanceof MatchedFact snapshot) {
                return snapshot;
            }
            MatchedFact snapshot = of(fact);
            facts[index] = snapshot;
            return snapshot;
        }

        @Override
        public int size() {
            return facts.length;
        }
    }
}

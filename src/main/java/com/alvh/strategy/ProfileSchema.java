package com.alvh.strategy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys a profile YAML may hold, grouped by section, with their type and allowed range.
 * Every key is required: a profile states every threshold it runs with, so nothing is silently defaulted.
 */
public final class ProfileSchema {

    /** Value kinds a profile key can take. */
    public enum Kind { INTEGER, NUMBER, BOOLEAN, TEXT_LIST, NUMBER_LIST }

    /** One key: its section, kind and inclusive range (ranges apply to numbers and list elements). */
    public record Field(String section, String key, Kind kind, double min, double max) {
        public String path() {
            return section + "." + key;
        }
    }

    private static final Map<String, Field> FIELDS = new LinkedHashMap<>();

    /**
     * Market inputs a request may lack (its signals are then unavailable), which a profile may instead demand under
     * the top-level key {@code requiredInputs}. The evaluation maps each to the rules and signals that need it.
     */
    public static final List<String> OPTIONAL_INPUTS = List.of("spxRsi14", "vixRsi14", "macd", "breadth", "previousSlope", "spxAtOpen");

    /** Top-level keys besides the sections: free text, the required inputs and the custom parameters. */
    public static final List<String> TOP_LEVEL_KEYS = List.of("description", "requiredInputs", "parameters");

    /** The types a custom parameter may declare, and the keys a declaration may hold. */
    public static final List<String> PARAMETER_TYPES = List.of("number", "integer", "boolean", "string", "enum");
    public static final List<String> PARAMETER_KEYS = List.of("type", "min", "max", "values", "default", "description");
    /** How a custom parameter is named: a Java-style identifier, so rules read it as {@code $p.number("name")}. */
    public static final String PARAMETER_NAME = "^[A-Za-z][A-Za-z0-9_]{0,63}$";

    static {
        number("signals", "breadthDivergencePct", 0, 100);
        integer("signals", "breadthLookbackDays", 2, 250);
        number("signals", "steepeningSlopeChange", 0, 20);
        number("signals", "backwardationRatio", 0.5, 1.5);
        number("signals", "spxRsiOverbought", 0, 100);
        number("signals", "vixRsiLow", 0, 100);
        number("signals", "proximitySigma", 0, 10);
        number("signals", "gammaStressPctOfCredit", 0, 1000);
        add("signals", "eventTypes", Kind.TEXT_LIST, 0, 0);
        integer("signals", "eventWindowDays", 0, 30);
        number("signals", "costDragPctOfCredit", 0, 1000);
        number("signals", "calmVixMax", 5, 100);
        number("signals", "calmContangoMin", 0.5, 2);
        number("layering", "trancheIncrement", 0.01, 1);
        number("layering", "floorRatio", 0, 2);
        number("layering", "maxRatio", 0, 2);
        integer("layering", "severeStressTranches", 1, 10);
        integer("layering", "cooldownDays", 0, 60);
        integer("layering", "rollWindowDays", 0, 60);
        number("layering", "carryBudgetPctOfCredit", 0, 1000);
        add("sizing", "vxBetas", Kind.NUMBER_LIST, 0.01, 2);
        number("sizing", "proximityScale", 0.1, 5);
        number("sizing", "gammaScale", 0.1, 5);
        add("sizing", "miniVxAllowed", Kind.BOOLEAN, 0, 0);
        number("pricing", "riskFreeRate", -0.05, 0.5);
        number("pricing", "dividendYield", 0, 0.2);
        number("pricing", "volSkew", 0, 5);
    }

    private ProfileSchema() {
    }

    private static void number(String section, String key, double min, double max) {
        add(section, key, Kind.NUMBER, min, max);
    }

    private static void integer(String section, String key, double min, double max) {
        add(section, key, Kind.INTEGER, min, max);
    }

    private static void add(String section, String key, Kind kind, double min, double max) {
        FIELDS.put(key, new Field(section, key, kind, min, max));
    }

    public static List<Field> fields() {
        return List.copyOf(FIELDS.values());
    }

    public static Optional<Field> field(String key) {
        return Optional.ofNullable(FIELDS.get(key));
    }

    public static List<String> sections() {
        return FIELDS.values().stream().map(Field::section).distinct().toList();
    }
}

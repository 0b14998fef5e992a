package com.alvh.strategy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema (draft 2020-12) of a profile YAML, built from {@link ProfileSchema} so the schema editors validate
 * against and the parser can never drift apart. Kept in the repository as {@code strategies/profile.schema.json}
 * (a test checks the file equals this) and served at {@code GET /api/v1/profiles/schema}.
 * What JSON Schema cannot say is left to the parser: a parameter's default within its own min and max, an enum
 * default among its own values, and floorRatio not above maxRatio.
 */
public final class ProfileJsonSchema {

    public static final String ID = "https://alvh.example/schemas/profile.schema.json";

    private ProfileJsonSchema() {
    }

    /** The schema as nested maps and lists, ready for any JSON writer. */
    public static Map<String, Object> document() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", ID);
        root.put("title", "ALVH strategy profile");
        root.put("description", "A YAML strategy profile (strategies/<name>.yaml): every built-in threshold, grouped by"
                + " section, plus optional requiredInputs and the strategist's own typed parameters.");
        root.put("type", "object");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", Map.of("type", "string"));
        properties.put("requiredInputs", obj("description", "Inputs whose absence refuses a request (422) instead of"
                        + " making the signals that need them unavailable",
                "type", "array", "uniqueItems", true, "items", Map.of("enum", ProfileSchema.OPTIONAL_INPUTS)));
        properties.put("parameters", obj("description", "The strategist's own typed parameters, read in rules as"
                        + " $p.number(\"name\"), $p.integer(\"name\"), $p.flag(\"name\") or $p.text(\"name\")",
                "type", "object",
                "propertyNames", obj("pattern", ProfileSchema.PARAMETER_NAME,
                        "not", Map.of("enum", ProfileSchema.fields().stream().map(ProfileSchema.Field::key).toList())),
                "additionalProperties", Map.of("$ref", "#/$defs/parameter")));
        for (String section : ProfileSchema.sections()) {
            properties.put(section, section(section));
        }
        root.put("properties", properties);
        root.put("required", ProfileSchema.sections());
        root.put("additionalProperties", false);
        root.put("$defs", Map.of("parameter", parameter()));
        return root;
    }

    private static Map<String, Object> section(String section) {
        Map<String, Object> keys = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (ProfileSchema.Field field : ProfileSchema.fields()) {
            if (field.section().equals(section)) {
                keys.put(field.key(), field(field));
                required.add(field.key());
            }
        }
        return obj("type", "object", "properties", keys, "required", required, "additionalProperties", false);
    }

    private static Map<String, Object> field(ProfileSchema.Field field) {
        return switch (field.kind()) {
            case INTEGER -> obj("type", "integer", "minimum", whole(field.min()), "maximum", whole(field.max()));
            case NUMBER -> obj("type", "number", "minimum", field.min(), "maximum", field.max());
            case BOOLEAN -> obj("type", "boolean");
            case TEXT_LIST -> obj("type", "array", "items", obj("type", "string", "minLength", 1));
            case NUMBER_LIST -> obj("type", "array", "minItems", 1,
                    "items", obj("type", "number", "minimum", field.min(), "maximum", field.max()));
        };
    }

    private static Map<String, Object> parameter() {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("type", Map.of("enum", ProfileSchema.PARAMETER_TYPES));
        keys.put("min", Map.of("type", "number"));
        keys.put("max", Map.of("type", "number"));
        keys.put("values", obj("type", "array", "minItems", 1, "uniqueItems", true, "items", obj("type", "string", "minLength", 1)));
        keys.put("default", Map.of());
        keys.put("description", Map.of("type", "string"));
        List<Object> byType = List.of(
                when("number", obj("properties", Map.of("default", Map.of("type", "number"),
                        "min", Map.of("type", "number"), "max", Map.of("type", "number")), "not", Map.of("required", List.of("values")))),
                when("integer", obj("properties", Map.of("default", Map.of("type", "integer"),
                        "min", Map.of("type", "integer"), "max", Map.of("type", "integer")), "not", Map.of("required", List.of("values")))),
                when("boolean", obj("properties", Map.of("default", Map.of("type", "boolean")), "not", noneOf("min", "max", "values"))),
                when("string", obj("properties", Map.of("default", Map.of("type", "string")), "not", noneOf("min", "max", "values"))),
                when("enum", obj("required", List.of("values"), "properties", Map.of("default", Map.of("type", "string")),
                        "not", noneOf("min", "max"))));
        return obj("type", "object", "properties", keys, "required", List.of("type", "default"),
                "additionalProperties", false, "allOf", byType);
    }

    private static Map<String, Object> when(String type, Map<String, Object> then) {
        return obj("if", obj("properties", Map.of("type", Map.of("const", type))), "then", then);
    }

    private static Map<String, Object> noneOf(String... keys) {
        List<Object> any = new ArrayList<>();
        for (String key : keys) {
            any.add(Map.of("required", List.of(key)));
        }
        return Map.of("anyOf", any);
    }

    private static long whole(double value) {
        return (long) value;
    }

    private static Map<String, Object> obj(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}

package com.alvh.strategy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the {@code parameters:} section of a profile: thresholds of the strategist's own, each declared once with a
 * type, an optional range or list of values, a default (the value the rules see) and a description, e.g.
 * <pre>
 * parameters:
 *   vixSpikePct: {type: number, min: 0, max: 200, default: 25, description: VIX rise in % over five days}
 * </pre>
 * Checked like the built-in keys: every problem is reported with its field and line, a value out of range is refused.
 */
final class CustomParameters {

    /** Where located problems go. */
    interface Errors {
        void add(String field, Mark mark, String message);
    }

    private CustomParameters() {
    }

    /** The declared parameters, name → default value (Double, Integer, Boolean or String); problems go to {@code errors}. */
    static Map<String, Object> read(Node body, Errors errors) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!(body instanceof MappingNode mapping)) {
            errors.add("parameters", body.getStartMark(), "must be a mapping of parameter names to declarations");
            return out;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String name = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
            String path = "parameters." + name;
            if (!name.matches(ProfileSchema.PARAMETER_NAME)) {
                errors.add(path, tuple.getKeyNode().getStartMark(),
                        "a parameter name is a letter then letters, digits or _ (at most 64), got '" + name + "'");
            } else if (ProfileSchema.field(name).isPresent()) {
                errors.add(path, tuple.getKeyNode().getStartMark(), "'" + name + "' is a built-in key of section "
                        + ProfileSchema.field(name).get().section() + "; choose another name");
            } else {
                Object value = declaration(path, tuple.getValueNode(), errors);
                if (value != null) {
                    out.put(name, value);
                }
            }
        }
        return out;
    }

    private static Object declaration(String path, Node node, Errors errors) {
        if (!(node instanceof MappingNode mapping)) {
            errors.add(path, node.getStartMark(), "must be a mapping with type, default and optionally min, max, values, description");
            return null;
        }
        Map<String, Node> keys = new LinkedHashMap<>();
        for (NodeTuple t : mapping.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
            if (!ProfileSchema.PARAMETER_KEYS.contains(key)) {
                errors.add(path + "." + key, t.getKeyNode().getStartMark(), "unknown key; expected one of " + ProfileSchema.PARAMETER_KEYS);
            } else {
                keys.put(key, t.getValueNode());
            }
        }
        int before = count(errors);
        String type = text(keys.get("type"));
        if (type == null || !ProfileSchema.PARAMETER_TYPES.contains(type)) {
            errors.add(path + ".type", keys.getOrDefault("type", node).getStartMark(),
                    (type == null ? "is required" : "unknown type '" + type + "'") + "; expected one of " + ProfileSchema.PARAMETER_TYPES);
            return null;
        }
        boolean numeric = type.equals("number") || type.equals("integer");
        for (String rangeKey : List.of("min", "max")) {
            if (keys.containsKey(rangeKey) && !numeric) {
                errors.add(path + "." + rangeKey, keys.get(rangeKey).getStartMark(), "applies to number and integer parameters only");
            }
        }
        if (keys.containsKey("values") && !type.equals("enum")) {
            errors.add(path + ".values", keys.get("values").getStartMark(), "applies to enum parameters only");
        }
        Double min = numeric ? bound(path + ".min", keys.get("min"), type, errors) : null;
        Double max = numeric ? bound(path + ".max", keys.get("max"), type, errors) : null;
        if (min != null && max != null && min > max) {
            errors.add(path + ".min", keys.get("min").getStartMark(), "min " + min + " is above max " + max);
        }
        List<String> values = type.equals("enum") ? values(path + ".values", keys.get("values"), node, errors) : List.of();
        if (keys.containsKey("description") && !(keys.get("description") instanceof ScalarNode)) {
            errors.add(path + ".description", keys.get("description").getStartMark(), "must be a text");
        }
        Node defaultNode = keys.get("default");
        if (defaultNode == null) {
            errors.add(path + ".default", node.getStartMark(), "is required: the value the rules see");
            return null;
        }
        Object value = value(path + ".default", defaultNode, type, min, max, values, errors);
        return count(errors) == before ? value : null;
    }

    private static Object value(String path, Node node, String type, Double min, Double max, List<String> values, Errors errors) {
        String text = text(node);
        if (text == null) {
            errors.add(path, node.getStartMark(), "must be a single value");
            return null;
        }
        switch (type) {
            case "boolean" -> {
                if (text.equals("true") || text.equals("false")) {
                    return Boolean.parseBoolean(text);
                }
                errors.add(path, node.getStartMark(), "must be true or false, got '" + text + "'");
                return null;
            }
            case "string" -> {
                return text;
            }
            case "enum" -> {
                if (values.contains(text)) {
                    return text;
                }
                errors.add(path, node.getStartMark(), "must be one of " + values + ", got '" + text + "'");
                return null;
            }
            default -> {
                Double number = number(path, node, type, errors);
                if (number == null) {
                    return null;
                }
                if ((min != null && number < min) || (max != null && number > max)) {
                    errors.add(path, node.getStartMark(), "must be between " + (min == null ? "-∞" : min) + " and "
                            + (max == null ? "∞" : max) + ", got " + text);
                    return null;
                }
                return type.equals("integer") ? (Object) number.intValue() : number;
            }
        }
    }

    private static Double bound(String path, Node node, String type, Errors errors) {
        return node == null ? null : number(path, node, type, errors);
    }

    private static Double number(String path, Node node, String type, Errors errors) {
        String text = text(node);
        try {
            if (type.equals("integer")) {
                long whole = Long.parseLong(text == null ? "" : text);
                if (whole < Integer.MIN_VALUE || whole > Integer.MAX_VALUE) {
                    errors.add(path, node.getStartMark(), "is too large for an integer: " + text);
                    return null;
                }
                return (double) whole;
            }
            double value = Double.parseDouble(text == null ? "" : text);
            if (!Double.isFinite(value)) {
                errors.add(path, node.getStartMark(), "must be a finite number, got " + text);
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            errors.add(path, node.getStartMark(), "must be " + (type.equals("integer") ? "a whole number" : "a number")
                    + ", got '" + text + "'");
            return null;
        }
    }

    private static List<String> values(String path, Node node, Node declaration, Errors errors) {
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            errors.add(path, (node == null ? declaration : node).getStartMark(), "an enum lists its allowed values (a non-empty list)");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Node item : seq.getValue()) {
            String text = text(item);
            if (text == null || text.isEmpty() || out.contains(text)) {
                errors.add(path, item.getStartMark(), "values are distinct, non-empty texts");
            } else {
                out.add(text);
            }
        }
        return out;
    }

    private static String text(Node node) {
        return node instanceof ScalarNode s ? s.getValue().trim() : null;
    }

    private static int count(Errors errors) {
        return errors instanceof Counting c ? c.count() : 0;
    }

    /** An error sink that can say how many problems it holds, so a declaration knows whether it added any. */
    interface Counting {
        int count();
    }
}

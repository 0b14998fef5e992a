package com.alvh.strategy;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Converts one YAML value node to the Java value its schema field expects, enforcing the range. */
final class FieldValue {

    /** A value that does not fit its field; carries the node for its location. */
    static final class BadValue extends Exception {
        private final transient Node node;

        BadValue(Node node, String message) {
            super(message);
            this.node = node;
        }

        Node node() {
            return node;
        }
    }

    private FieldValue() {
    }

    static Object read(ProfileSchema.Field field, Node node) throws BadValue {
        return switch (field.kind()) {
            case INTEGER -> (int) inRange(field, node, integer(node));
            case NUMBER -> inRange(field, node, number(node));
            case BOOLEAN -> bool(node);
            case TEXT_LIST -> texts(node);
            case NUMBER_LIST -> numbers(field, node);
        };
    }

    private static String scalar(Node node, String expected) throws BadValue {
        if (node instanceof ScalarNode s) {
            return s.getValue().trim();
        }
        throw new BadValue(node, "must be " + expected);
    }

    private static double number(Node node) throws BadValue {
        String text = scalar(node, "a number");
        try {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw new BadValue(node, "must be a finite number, got " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadValue(node, "must be a number, got '" + text + "'");
        }
    }

    private static long integer(Node node) throws BadValue {
        String text = scalar(node, "a whole number");
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new BadValue(node, "must be a whole number, got '" + text + "'");
        }
    }

    private static double inRange(ProfileSchema.Field field, Node node, double value) throws BadValue {
        if (value < field.min() || value > field.max()) {
            throw new BadValue(node, "must be between " + field.min() + " and " + field.max() + ", got " + value);
        }
        return value;
    }

    private static boolean bool(Node node) throws BadValue {
        String text = scalar(node, "true or false");
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new BadValue(node, "must be true or false, got '" + text + "'");
    }

    private static List<String> texts(Node node) throws BadValue {
        List<String> out = new ArrayList<>();
        for (Node item : sequence(node)) {
            String text = scalar(item, "a text");
            if (text.isEmpty()) {
                throw new BadValue(item, "must not be empty");
            }
            out.add(text);
        }
        return out;
    }

    private static List<Double> numbers(ProfileSchema.Field field, Node node) throws BadValue {
        List<Double> out = new ArrayList<>();
        for (Node item : sequence(node)) {
            out.add(inRange(field, item, number(item)));
        }
        if (out.isEmpty()) {
            throw new BadValue(node, "must list at least one number");
        }
        return out;
    }

    private static List<Node> sequence(Node node) throws BadValue {
        if (node instanceof SequenceNode seq) {
            return seq.getValue();
        }
        throw new BadValue(node, "must be a list");
    }
}

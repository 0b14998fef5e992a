package com.alvh.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** Names the field and the problem of a JSON that could not be read, without leaking Java class names. */
final class JsonErrors {

    private JsonErrors() {
    }

    static String field(JsonProcessingException e) {
        if (e instanceof JsonMappingException && e.getCause() instanceof JsonParseException parse
                && parse.getProcessor() != null) {
            // a token the parser refused while binding (e.g. a bare NaN): the mapping path stops at the enclosing
            // object, the parser still knows the exact field
            return path(parse.getProcessor().getParsingContext());
        }
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return "(body)";
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }

    private static String path(JsonStreamContext context) {
        java.util.ArrayDeque<String> segments = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                segments.push("." + c.getCurrentName());
            } else if (c.inArray()) {
                segments.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            }
        }
        String path = String.join("", segments);
        return path.isEmpty() ? "(body)" : path.startsWith(".") ? path.substring(1) : path;
    }

    static String message(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return "the JSON exceeds a limit: " + e.getOriginalMessage().replaceAll(",? from `[^`]*`", "");
        }
        if (e instanceof JsonMappingException && e.getCause() instanceof JsonParseException parse) {
            return message(parse);
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'";
        }
        if (e instanceof InvalidFormatException f) {
            return "cannot read '" + f.getValue() + "' as " + expected(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m) {
            return m.getTargetType() == null ? "wrong type" : "must be " + expected(m.getTargetType());
        }
        if (e instanceof JsonMappingException) {
            return "invalid value";
        }
        String original = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage();
        return "malformed JSON at line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
                + ", column " + (e.getLocation() == null ? "?" : e.getLocation().getColumnNr()) + ": "
                + original.replaceAll("\\(.*?\\)", "").replaceAll(": enable `[^`]*` to allow", "").trim();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value of the documented type";
        }
        if (type == Integer.class || type == Long.class || type == Short.class || type == int.class || type == long.class
                || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date or time";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return type.isRecord() ? "an object" : "a value of the documented type";
    }
}

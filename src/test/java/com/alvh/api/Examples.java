package com.alvh.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The strategist scenarios shipped in {@code examples/}, read from the project root. */
final class Examples {

    static final ObjectMapper JSON = new ObjectMapper();

    private Examples() {
    }

    static String text(String name) {
        try {
            return Files.readString(Path.of("examples", name + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request of a shipped rule scenario ({@code rules/scenarios/<name>.json}). */
    static String scenarioRequest(String name) {
        try {
            return JSON.writeValueAsString(JSON.readTree(Files.readString(Path.of("rules", "scenarios", name + ".json"))).get("request"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh, mutable copy of an example: each test changes one thing. */
    static ObjectNode tree(String name) {
        try {
            return (ObjectNode) JSON.readTree(text(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String write(Object tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

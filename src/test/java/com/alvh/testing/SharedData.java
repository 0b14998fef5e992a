package com.alvh.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real market history in {@code ../shared/data}, relative to the project root (where Maven runs the tests). */
public final class SharedData {

    private SharedData() {
    }

    /** The named file; fails the test, never skips it, when the shared data is not beside the project. */
    public static Path file(String name) {
        Path file = Path.of("..", "shared", "data", name);
        assertTrue(Files.isReadable(file), "missing " + file.toAbsolutePath().normalize()
                + ": the tests need the shared market data in ../shared/data beside the project root");
        return file;
    }
}

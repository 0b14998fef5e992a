package com.alvh.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Private copies of the shipped rules and profiles, for tests that edit them while the service watches. */
public final class TestDirs {

    private TestDirs() {
    }

    /** Copies the directory tree {@code from} (e.g. rules/ with its scenarios) into {@code to}. */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}

package com.alvh.lifecycle.isolation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The one writable directory of a candidate process, deleted with everything in it when the job ends. */
final class Scratch {

    private Scratch() {
    }

    static Path create() throws IOException {
        return Files.createTempDirectory("alvh-candidate-");
    }

    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover scratch directory holds only what one candidate wrote; the next start of the OS cleans /tmp
        }
    }
}

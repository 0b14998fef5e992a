package com.alvh.lifecycle.isolation;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The class path a candidate process needs: the service's own. A packaged service runs as
 * {@code java -jar quarkus-app/quarkus-run.jar}, whose java.class.path names that one jar while the application and
 * its libraries sit in {@code app/}, {@code lib/main/} and {@code lib/boot/} beside it; tests and plain class-path
 * launches (including surefire's manifest-only jar) already name everything in java.class.path.
 */
final class ChildClassPath {

    private ChildClassPath() {
    }

    static String resolve(Optional<String> configured) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            return configured.get();
        }
        String classPath = System.getProperty("java.class.path", "");
        for (String entry : classPath.split(File.pathSeparator)) {
            Path jar = Path.of(entry).toAbsolutePath();
            if (jar.getFileName() != null && jar.getFileName().toString().equals("quarkus-run.jar")) {
                return quarkusApp(jar.getParent());
            }
        }
        return classPath;
    }

    private static String quarkusApp(Path dir) {
        List<String> entries = new ArrayList<>();
        for (String sub : List.of("app", "lib/main", "lib/boot")) {
            if (Files.isDirectory(dir.resolve(sub))) {
                entries.add(dir.resolve(sub) + File.separator + "*");
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}

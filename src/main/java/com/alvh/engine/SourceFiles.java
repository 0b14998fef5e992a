package com.alvh.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads the rule files of a directory: every {@code *.drl}, and every decision table ({@code *.csv}, {@code *.xlsx}),
 * below it, named by its path relative to it. A workbook is binary, so it is read as base64 text: the rule set's
 * version, which hashes the file map, then covers the workbook's bytes.
 */
public final class SourceFiles {

    private SourceFiles() {
    }

    /** Whether a file (by name or path) is part of a rule set: DRL or a decision table. */
    public static boolean isRuleFile(String name) {
        String file = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (file.startsWith("~$") || file.startsWith(".~")) {
            return false; // the lock file a spreadsheet program keeps beside an open workbook ("~$regimes.xlsx")
        }
        return file.endsWith(".drl") || DecisionTables.isTable(file);
    }

    public static Map<String, String> drl(Path dir) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.filter(p -> isRuleFile(p.getFileName().toString()) && Files.isRegularFile(p))
                    .sorted().toList()) {
                String name = dir.relativize(path).toString().replace('\\', '/');
                files.put(name, DecisionTables.isWorkbook(name) ? Base64.getEncoder().encodeToString(Files.readAllBytes(path))
                        : Files.readString(path, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}

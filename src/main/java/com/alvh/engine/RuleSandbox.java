package com.alvh.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule file is code that runs inside the service, so it may only reach an allow-list: the project's fact
 * and output types, {@code java.lang.Math}, collections and time. Everything else that could touch the
 * process, the file system, the network or reflection is refused before Drools ever compiles it.
 * The check reads the source with comments and string literals blanked out, so sentences in rule names
 * and texts never trip it.
 */
final class RuleSandbox {

    private static final List<String> ALLOWED_IMPORT_PREFIXES = List.of(
            "com.alvh.", "java.util.", "java.time.", "java.lang.Math");

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:function\\s+|static\\s+)?([\\w.$*]+)",
            Pattern.MULTILINE);

    private static final Pattern FORBIDDEN = Pattern.compile(
            "\\b(System|Runtime|Thread|ThreadGroup|ProcessBuilder|ProcessHandle|ClassLoader|Class\\s*\\.\\s*forName"
                    + "|getClass|getDeclared\\w*|setAccessible|MethodHandles?|Unsafe|SecurityManager|Executors?"
                    + "|java\\s*\\.\\s*(?:io|nio|net|lang\\s*\\.\\s*reflect|lang\\s*\\.\\s*invoke)|javax?\\s*\\.\\s*script"
                    + "|sun\\s*\\.|jdk\\s*\\.|kcontext|drools\\s*\\.\\s*getKieRuntime)\\b");

    private RuleSandbox() {
    }

    static List<RuleError> check(Map<String, String> files) {
        List<RuleError> errors = new ArrayList<>();
        files.forEach((name, source) -> errors.addAll(check(name, source)));
        return errors;
    }

    private static List<RuleError> check(String file, String source) {
        String code = blankCommentsAndStrings(source);
        List<RuleError> errors = new ArrayList<>();
        Matcher imports = IMPORT.matcher(code);
        while (imports.find()) {
            String imported = imports.group(1);
            if (ALLOWED_IMPORT_PREFIXES.stream().noneMatch(imported::startsWith)) {
                errors.add(at(file, code, imports.start(1),
                        "import of " + imported + " is not allowed in rules (allowed: project types, java.util, java.time, java.lang.Math)"));
            }
        }
        Matcher forbidden = FORBIDDEN.matcher(code);
        while (forbidden.find()) {
            errors.add(at(file, code, forbidden.start(),
                    "'" + forbidden.group().replaceAll("\\s+", "") + "' is not allowed in rules: rules may not reach the process, files, network or reflection"));
        }
        return errors;
    }

    private static RuleError at(String file, String code, int offset, String message) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (code.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new RuleError(file, line, offset - lineStart + 1, message);
    }

    /** Replaces comments and string literals with spaces, keeping every newline so positions stay true. */
    static String blankCommentsAndStrings(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < source.length() && source.charAt(i + 1) == '/') {
                while (i < source.length() && source.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < source.length() && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                blank(source, i, end, out);
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = closingQuote(source, i, c);
                out.append(c);
                blank(source, i + 1, end - 1, out);
                out.append(end - 1 > i ? String.valueOf(c) : "");
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int closingQuote(String source, int open, char quote) {
        int i = open + 1;
        while (i < source.length() && source.charAt(i) != quote && source.charAt(i) != '\n') {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, source.length());
    }

    private static void blank(String source, int from, int to, StringBuilder out) {
        for (int k = from; k < to && k < source.length(); k++) {
            out.append(source.charAt(k) == '\n' ? '\n' : ' ');
        }
    }
}

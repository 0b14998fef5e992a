package com.alvh.engine;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the rule whose generated code a stack is running, for failures that carry no rule name: a deadline hit in a
 * busy loop, or an {@code Error} (stack overflow, out of memory) thrown straight through the session. Drools names a
 * rule's generated classes {@code Rule_<name with non-identifier characters replaced>...}.
 */
public final class RuleLocator {

    private RuleLocator() {
    }

    /** The innermost rule of {@code rules} found in {@code stack}, with its file and line; empty if none is. */
    public static Optional<RuleError> locate(StackTraceElement[] stack, List<RuleInfo> rules, Map<String, String> files,
                                             String message) {
        for (StackTraceElement frame : stack) {
            RuleInfo rule = ruleOf(frame.getClassName(), rules);
            if (rule != null) {
                return Optional.of(new RuleError(rule.file(), lineOf(rule, files), 1, "rule '" + rule.name() + "' " + message));
            }
        }
        // a deep recursion may have pushed the rule out of the recorded stack: name the DRL function it is in
        for (StackTraceElement frame : stack) {
            String simple = frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Matcher m = FUNCTION.matcher(file.getValue());
                while (m.find()) {
                    if (m.group(1).equalsIgnoreCase(simple)) {
                        int line = (int) file.getValue().substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                        return Optional.of(new RuleError(file.getKey(), line, 1, "function '" + m.group(1) + "' " + message));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static final Pattern FUNCTION = Pattern.compile("(?m)^\\s*function\\s+[\\w.<>\\[\\]]+\\s+(\\w+)\\s*\\(");

    private static RuleInfo ruleOf(String className, List<RuleInfo> rules) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        if (!simple.startsWith("Rule_")) {
            return null;
        }
        String generated = letters(simple.substring(5));
        RuleInfo best = null;
        for (RuleInfo rule : rules) {
            String name = letters(rule.name());
            if (!name.isEmpty() && generated.startsWith(name) && (best == null || name.length() > letters(best.name()).length())) {
                best = rule;
            }
        }
        return best;
    }

    private static int lineOf(RuleInfo rule, Map<String, String> files) {
        String source = files.getOrDefault(rule.file(), "");
        int at = source.indexOf("\"" + rule.name() + "\"");
        if (at < 0) {
            at = source.indexOf(rule.name());
        }
        return at < 0 ? 1 : (int) source.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String letters(String s) {
        return s.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }
}

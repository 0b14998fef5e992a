package com.alvh.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.internal.builder.KnowledgeBuilderResult;

/**
 * Turns Drools builder results into located {@link RuleError}s. Drools reports column 0, so the column is
 * read from the message text where it is there. Parser errors come first: they cascade into bogus
 * "unable to resolve" errors elsewhere, and fixing them first is what a strategist should do.
 */
final class RuleErrorParser {

    private static final Pattern PARSER_POSITION = Pattern.compile("[Ll]ine (\\d+):(\\d+)");
    private static final Pattern MVEL_POSITION = Pattern.compile("\\[Line: (\\d+), Column: (\\d+)]");
    private static final Pattern PARSER_CODE = Pattern.compile("\\[ERR 1\\d\\d]");

    private RuleErrorParser() {
    }

    static List<RuleError> parse(Iterable<? extends KnowledgeBuilderResult> results) {
        List<Located> located = new ArrayList<>();
        for (KnowledgeBuilderResult result : results) {
            located.add(locate(result));
        }
        return sorted(located);
    }

    private static List<RuleError> sorted(List<Located> located) {
        // Drools adds this after any parser error; it points at line 1 and says nothing the real error does not.
        if (located.size() > 1) {
            located.removeIf(l -> l.error().message().startsWith("Parser returned a null Package"));
        }
        located.sort(Comparator.comparing((Located l) -> !l.parserError())
                .thenComparing(l -> l.error().file()).thenComparingInt(l -> l.error().line()));
        return located.stream().map(Located::error).distinct().toList();
    }

    /** The same for the messages of a {@code KieBuilder} (the executable model's compile). */
    static List<RuleError> parseMessages(Iterable<org.kie.api.builder.Message> messages, RuleSources sources,
                                         java.util.Set<String> files) {
        List<Located> located = new ArrayList<>();
        for (org.kie.api.builder.Message m : messages) {
            String path = m.getPath() == null ? "(unknown)" : m.getPath();
            int at = path.indexOf("src/main/resources/" + RuleSetCompiler.SOURCE_ROOT);
            if (at >= 0) {
                located.add(locate(m.getText(), path.substring(at + "src/main/resources/".length()), m.getLine()));
                continue;
            }
            if (path.endsWith(".drl") || !path.endsWith(".java")) {
                // a DRL message whose path is not under the resource root (or none): locate it from its text
                int root = path.indexOf(RuleSetCompiler.SOURCE_ROOT);
                if (root < 0 && files.size() > 1 && m.getPath() == null && sources.onlyDeclaration().isPresent()) {
                    // no path at all: javac's errors in a declared type's class (e.g. one extending a JDK class)
                    var declaration = sources.onlyDeclaration().get();
                    located.add(new Located(new RuleError(declaration.file(), Math.max(1, declaration.line()), 1,
                            (m.getText() == null ? "" : m.getText().trim()) + " (in code generated from "
                                    + declaration.label() + ")"), false));
                    continue;
                }
                String file = root >= 0 ? path.substring(root) : files.size() == 1 ? files.iterator().next() : path;
                located.add(locate(m.getText(), file, m.getLine()));
                continue;
            }
            // a Java error in generated code (a declared type, a function, a rule's lambda): point at its source
            String simple = path.replaceAll("^.*/", "").replaceAll("\\.java$", "");
            String generatedPackage = path.replaceAll("^.*src/main/java/", "").replaceAll("/[^/]*$", "").replace('/', '.');
            var declared = sources.find("declare", "", simple).or(() -> sources.find("function", "", simple))
                    .or(() -> sources.firstInPackage(generatedPackage));
            String file = declared.map(RuleSources.Element::file).orElse(files.size() == 1 ? files.iterator().next() : "(rule set)");
            int line = declared.map(RuleSources.Element::line).orElse(1);
            located.add(new Located(new RuleError(file, Math.max(1, line), 1, (m.getText() == null ? "" : m.getText().trim())
                    + " (in code generated from " + (declared.isPresent() ? declared.get().label() : "the rule set") + ")"), false));
        }
        return sorted(located);
    }

    private static Located locate(KnowledgeBuilderResult result) {
        int[] lines = result.getLines();
        return locate(result.getMessage(), result.getResource() == null ? null : result.getResource().getSourcePath(),
                lines != null && lines.length > 0 ? lines[0] : 0);
    }

    private static Located locate(String text, String sourcePath, int firstLine) {
        String message = text == null ? "" : text.trim();
        String file = sourcePath == null ? "(unknown)" : stripPrefix(sourcePath);
        int line = firstLine;
        int column = 0;
        Matcher m = PARSER_POSITION.matcher(message);
        Matcher mvel = MVEL_POSITION.matcher(message);
        if (m.find()) {
            line = line > 0 ? line : Integer.parseInt(m.group(1));
            column = Integer.parseInt(m.group(2)) + 1;
        } else if (mvel.find()) {
            column = Integer.parseInt(mvel.group(2));
        }
        return new Located(new RuleError(file, Math.max(line, 1), Math.max(column, 1), message),
                PARSER_CODE.matcher(message).find());
    }

    private static String stripPrefix(String path) {
        return path.startsWith(RuleSetCompiler.SOURCE_ROOT) ? path.substring(RuleSetCompiler.SOURCE_ROOT.length()) : path;
    }

    private record Located(RuleError error, boolean parserError) {
    }
}

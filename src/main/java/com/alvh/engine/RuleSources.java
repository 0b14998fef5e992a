package com.alvh.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.parser.DrlParser;

/**
 * Where each rule, query, function and declared type of a rule set is written (file and line), read from the
 * DRL with Drools' own parser. Used to name the source of a refused generated class, to attribute firings to
 * files, and for the early, friendly refusal of the MVEL dialect (the bytecode check is the guarantee).
 */
final class RuleSources {

    /** A named element of a rule file: kind is rule, query, function or declare. */
    record Element(String kind, String pkg, String name, String file, int line, int endLine, String[] lines) {
        String label() {
            return kind + " '" + name + "'";
        }

        /** The first line of this element that names {@code word} (as a whole word), or its first line. */
        int lineOf(String word) {
            if (word == null || word.isEmpty() || word.startsWith("<")) {
                return line;
            }
            java.util.regex.Pattern p = java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(word) + "\\b");
            int end = endLine >= line ? endLine : lines.length;
            for (int i = Math.max(1, line); i <= Math.min(end, lines.length); i++) {
                if (p.matcher(lines[i - 1]).find()) {
                    return i;
                }
            }
            return line;
        }
    }

    private final Map<String, Element> byKey = new HashMap<>();
    private final List<RuleError> precheck = new ArrayList<>();

    private RuleSources() {
    }

    static RuleSources parse(Map<String, String> files) {
        RuleSources sources = new RuleSources();
        files.forEach(sources::add);
        return sources;
    }

    private void add(String file, String source) {
        files.add(file);
        lines.put(file, source.split("\n", -1));
        PackageDescr pkg;
        try {
            pkg = new DrlParser().parse(false, source);
        } catch (Exception e) {
            return; // Drools' own compile reports the syntax error with its position
        }
        if (pkg == null) {
            return;
        }
        String name = pkg.getName() == null ? "" : pkg.getName();
        String[] lines = source.split("\n", -1);
        for (AttributeDescr a : pkg.getAttributes()) {
            refuseMvel(file, a, "the package");
        }
        for (RuleDescr rule : pkg.getRules()) {
            String kind = rule instanceof QueryDescr ? "query" : "rule";
            put(new Element(kind, name, rule.getName(), file, rule.getLine(), rule.getEndLine(), lines));
            AttributeDescr dialect = rule.getAttributes().get("dialect");
            if (dialect != null) {
                refuseMvel(file, dialect, kind + " '" + rule.getName() + "'");
            }
        }
        for (FunctionDescr f : pkg.getFunctions()) {
            put(new Element("function", name, f.getName(), file, f.getLine(), f.getEndLine(), lines));
            if ("mvel".equalsIgnoreCase(f.getDialect())) {
                precheck.add(new RuleError(file, Math.max(1, f.getLine()), 1,
                        "function '" + f.getName() + "' uses the MVEL dialect, which rules may not use: write it in Java"));
            }
        }
        for (TypeDeclarationDescr t : pkg.getTypeDeclarations()) {
            put(new Element("declare", name, t.getTypeName(), file, t.getLine(), t.getEndLine(), lines));
        }
    }

    private void refuseMvel(String file, AttributeDescr attribute, String where) {
        if ("dialect".equals(attribute.getName()) && attribute.getValue() != null
                && attribute.getValue().replace("\"", "").trim().equalsIgnoreCase("mvel")) {
            precheck.add(new RuleError(file, Math.max(1, line(attribute)), 1,
                    where + " uses the MVEL dialect, which rules may not use: write constraints and consequences in Java"));
        }
    }

    private static int line(BaseDescr d) {
        return d.getLine();
    }

    private void put(Element e) {
        byKey.putIfAbsent(e.kind() + ":" + e.pkg() + ":" + e.name(), e);
        byKey.putIfAbsent(e.kind() + "::" + e.name(), e);
    }

    private final java.util.Set<String> files = new java.util.TreeSet<>();
    private final Map<String, String[]> lines = new HashMap<>();

    /**
     * The first element of the one file whose package holds the generated package {@code generated} (the executable
     * model writes a rule's lambdas into sub-packages of the rule's package); empty when no single file does.
     */
    Optional<Element> firstInPackage(String generated) {
        List<Element> owners = byKey.values().stream()
                .filter(e -> !e.pkg().isEmpty() && (generated.equals(e.pkg()) || generated.startsWith(e.pkg() + ".")))
                .toList();
        return owners.stream().map(Element::file).distinct().count() != 1 ? Optional.empty()
                : owners.stream().min(java.util.Comparator.comparingInt(Element::line));
    }

    /** The first type declaration, when exactly one file declares types (an error in a declared type's code). */
    Optional<Element> onlyDeclaration() {
        List<Element> declares = byKey.values().stream().filter(e -> e.kind().equals("declare")).toList();
        return declares.stream().map(Element::file).distinct().count() != 1 ? Optional.empty()
                : declares.stream().min(java.util.Comparator.comparingInt(Element::line));
    }

    /** The file of a one-file rule set. */
    Optional<String> singleFile() {
        return files.size() == 1 ? Optional.of(files.iterator().next()) : Optional.empty();
    }

    /** The first place (file, line) any file names {@code member}, else {@code type}, as a whole word. */
    Optional<Element> mentioning(String member, String type) {
        for (String word : new String[] {member, type}) {
            if (word == null || word.isEmpty() || word.startsWith("<")) {
                continue;
            }
            java.util.regex.Pattern p = java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(word) + "\\b");
            for (String file : files) {
                String[] text = lines.get(file);
                for (int i = 0; i < text.length; i++) {
                    if (p.matcher(text[i]).find()) {
                        return Optional.of(new Element("line", "", word, file, i + 1, i + 1, text));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Problems seen in the source before compiling: the MVEL dialect. */
    List<RuleError> precheck() {
        return List.copyOf(precheck);
    }

    Optional<Element> find(String kind, String pkg, String name) {
        Element e = byKey.get(kind + ":" + pkg + ":" + name);
        return Optional.ofNullable(e != null ? e : byKey.get(kind + "::" + name));
    }

    boolean has(String kind, String name) {
        return byKey.containsKey(kind + "::" + name);
    }
}

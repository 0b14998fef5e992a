package com.alvh.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Maps the executable model's generated classes and methods back to the rule, query, function or declared type
 * they came from. The model writes one {@code rule_<name>} method per rule (holding the rule name as a string
 * constant) that refers to the rule's externalised {@code Lambda*} classes and its own {@code lambda$rule_...}
 * methods; functions become static methods named as the function; declared types keep their name.
 */
final class GeneratedCode {

    /** Owner labels: "Class" for a whole class, "Class#method" for one method (dotted class names). */
    private final Map<String, RuleSources.Element> owners = new HashMap<>();

    private RuleSources sources;

    private GeneratedCode() {
    }

    RuleSources sources() {
        return sources;
    }

    static GeneratedCode map(Map<String, ClassNode> classes, RuleSources sources) {
        GeneratedCode code = new GeneratedCode();
        code.sources = sources;
        for (ClassNode c : classes.values()) {
            String pkg = c.name.contains("/") ? c.name.substring(0, c.name.lastIndexOf('/')).replace('/', '.') : "";
            String simple = c.name.substring(c.name.lastIndexOf('/') + 1);
            sources.find("declare", pkg, simple).ifPresent(e -> code.owners.put(dotted(c.name), e));
            for (MethodNode m : c.methods) {
                Optional<RuleSources.Element> element = Optional.empty();
                if (m.name.startsWith("rule_") || m.name.startsWith("query_")) {
                    String kind = m.name.startsWith("rule_") ? "rule" : "query";
                    element = nameIn(m, kind, pkg, sources);
                } else if (sources.has("function", m.name) && (m.access & Opcodes.ACC_STATIC) != 0) {
                    element = sources.find("function", pkg, m.name);
                }
                element.ifPresent(e -> code.claim(c, m, e));
            }
        }
        // nested and anonymous classes belong to the method or class that encloses them
        for (ClassNode c : classes.values()) {
            if (c.outerClass != null) {
                RuleSources.Element e = c.outerMethod != null ? code.owners.get(dotted(c.outerClass) + "#" + c.outerMethod) : null;
                if (e == null) {
                    e = code.owners.get(dotted(c.outerClass));
                }
                if (e != null) {
                    code.owners.putIfAbsent(dotted(c.name), e);
                }
            }
        }
        // lambdas: lambda$rule_x$0 belongs to rule_x of the same class
        for (ClassNode c : classes.values()) {
            for (MethodNode m : c.methods) {
                if (m.name.startsWith("lambda$")) {
                    String enclosing = m.name.substring(7, Math.max(7, m.name.lastIndexOf('$')));
                    RuleSources.Element e = code.owners.get(dotted(c.name) + "#" + enclosing);
                    if (e != null) {
                        code.owners.putIfAbsent(dotted(c.name) + "#" + m.name, e);
                    }
                }
            }
        }
        return code;
    }

    private void claim(ClassNode c, MethodNode m, RuleSources.Element e) {
        owners.put(dotted(c.name) + "#" + m.name, e);
        for (AbstractInsnNode insn : m.instructions) {
            String owner = insn instanceof FieldInsnNode f ? f.owner
                    : insn instanceof MethodInsnNode call ? call.owner
                    : insn instanceof TypeInsnNode t ? t.desc : null;
            if (owner != null && owner.contains("/Lambda")) {
                owners.putIfAbsent(dotted(owner), e);
            }
            if (insn instanceof InvokeDynamicInsnNode indy) {
                for (Object arg : indy.bsmArgs) {
                    if (arg instanceof Handle h && h.getOwner().equals(c.name)) {
                        owners.putIfAbsent(dotted(c.name) + "#" + h.getName(), e);
                    }
                }
            }
        }
    }

    private static Optional<RuleSources.Element> nameIn(MethodNode m, String kind, String pkg, RuleSources sources) {
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof String s) {
                Optional<RuleSources.Element> e = sources.find(kind, pkg, s);
                if (e.isPresent()) {
                    return e;
                }
            }
        }
        return Optional.empty();
    }

    /** The element a generated class (dotted name) and method belong to, if known. */
    Optional<RuleSources.Element> owner(String className, String method) {
        String cls = className.replace('/', '.');
        RuleSources.Element e = method == null ? null : owners.get(cls + "#" + method);
        return Optional.ofNullable(e != null ? e : owners.get(cls));
    }

    /**
     * The element a stack trace runs in: its innermost frame in generated code that maps to one; with
     * {@code rulesOnly}, the innermost rule or query (a function is called from one).
     */
    Optional<RuleSources.Element> owner(StackTraceElement[] trace, boolean rulesOnly) {
        for (StackTraceElement frame : trace) {
            Optional<RuleSources.Element> e = owner(frame.getClassName(), frame.getMethodName());
            if (e.isPresent() && (!rulesOnly || e.get().kind().equals("rule") || e.get().kind().equals("query"))) {
                return e;
            }
        }
        return Optional.empty();
    }

    private static String dotted(String internal) {
        return internal.replace('/', '.');
    }
}

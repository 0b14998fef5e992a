package com.alvh.engine.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Reads every class the executable model generated for a rule set, before any of it is loaded, and reports
 * each reference that leaves the {@link AllowList}: calls, field accesses, class literals, method handles,
 * {@code invokedynamic} bootstraps, super types. It also refuses what would defeat the deadline or the process:
 * catching {@code Throwable}/{@code Error}, monitors, native and synchronized methods, finalizers, loops in
 * static initialisers. Works on bytecode, so no spelling in the source (concatenation, unicode escapes,
 * MVEL, functions) can hide a reference.
 */
public final class BytecodeVerifier {

    private static final Set<String> BOOTSTRAPS = Set.of(
            "java/lang/invoke/LambdaMetafactory.metafactory", "java/lang/invoke/LambdaMetafactory.altMetafactory",
            "java/lang/invoke/StringConcatFactory.makeConcatWithConstants",
            "java/lang/invoke/StringConcatFactory.makeConcat");

    private static final Set<String> UNCATCHABLE = Set.of("java/lang/Throwable", "java/lang/Error",
            "java/lang/VirtualMachineError", "java/lang/StackOverflowError", "java/lang/OutOfMemoryError",
            "java/lang/ThreadDeath", "java/lang/LinkageError", "java/lang/ExceptionInInitializerError",
            Type.getInternalName(DeadlineExceeded.class));

    private final Map<String, ClassNode> generated = new HashMap<>();

    private BytecodeVerifier(Map<String, byte[]> classes) {
        classes.forEach((name, bytes) -> {
            ClassNode node = new ClassNode();
            new ClassReader(bytes).accept(node, ClassReader.SKIP_FRAMES);
            generated.put(node.name, node);
        });
    }

    /** The findings for a set of generated classes (file name → class file bytes); empty when all may run. */
    public static List<Finding> verify(Map<String, byte[]> classes) {
        return new BytecodeVerifier(classes).findings();
    }

    /** Parsed generated classes by internal name, for callers that map classes back to rules. */
    public static Map<String, ClassNode> parse(Map<String, byte[]> classes) {
        return new BytecodeVerifier(classes).generated;
    }

    private List<Finding> findings() {
        List<Finding> findings = new ArrayList<>();
        for (ClassNode c : generated.values()) {
            Set<String> supers = new HashSet<>(c.interfaces);
            if (c.superName != null) {
                supers.add(c.superName);
            }
            for (String s : supers) {
                if (!generated.containsKey(s) && !AllowList.superType(s) && !"java/lang/Enum".equals(s)
                        && !"java/lang/Record".equals(s)) {
                    findings.add(new Finding(c.name, null, "extends or implements " + dotted(s)));
                }
            }
            for (FieldNode f : c.fields) {
                if ((f.access & Opcodes.ACC_VOLATILE) != 0) {
                    findings.add(new Finding(c.name, null, "declares a volatile field " + f.name));
                }
            }
            for (MethodNode m : c.methods) {
                verifyMethod(c, m, findings);
            }
        }
        return findings;
    }

    private void verifyMethod(ClassNode c, MethodNode m, List<Finding> out) {
        if ((m.access & Opcodes.ACC_NATIVE) != 0) {
            out.add(new Finding(c.name, m.name, "declares a native method"));
        }
        if ((m.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
            out.add(new Finding(c.name, m.name, "declares a synchronized method"));
        }
        if ("finalize".equals(m.name)) {
            out.add(new Finding(c.name, m.name, "declares a finalizer"));
        }
        boolean staticInit = "<clinit>".equals(m.name);
        for (TryCatchBlockNode t : m.tryCatchBlocks) {
            if (t.type != null && UNCATCHABLE.contains(t.type)) {
                out.add(new Finding(c.name, m.name, "catches " + dotted(t.type)
                        + " (rules may catch exceptions, not errors)"));
            }
        }
        for (AbstractInsnNode insn : m.instructions) {
            String problem = problem(insn, staticInit);
            if (problem != null) {
                String[] target = target(insn);
                out.add(new Finding(c.name, m.name, problem, target[0], target[1]));
            }
        }
    }

    private String problem(AbstractInsnNode insn, boolean staticInit) {
        switch (insn.getOpcode()) {
            case Opcodes.MONITORENTER, Opcodes.MONITOREXIT:
                return "uses a monitor (synchronized block)";
            case Opcodes.MULTIANEWARRAY:
                return "creates a multi-dimensional array";
            default:
                break;
        }
        if (insn instanceof MethodInsnNode call) {
            return methodAllowed(call.owner, call.name) ? null : "calls " + dotted(call.owner) + "." + call.name;
        }
        if (insn instanceof FieldInsnNode field) {
            return fieldAllowed(field.owner, field.name) ? null : "uses field " + dotted(field.owner) + "." + field.name;
        }
        if (insn instanceof TypeInsnNode type && type.getOpcode() == Opcodes.NEW) {
            return typeAllowed(type.desc) ? null : "creates a " + dotted(type.desc);
        }
        if (insn instanceof LdcInsnNode ldc) {
            return constant(ldc.cst);
        }
        if (insn instanceof InvokeDynamicInsnNode indy) {
            String bootstrap = indy.bsm.getOwner() + "." + indy.bsm.getName();
            if (!BOOTSTRAPS.contains(bootstrap)) {
                return "uses invokedynamic with bootstrap " + dotted(bootstrap);
            }
            for (Object arg : indy.bsmArgs) {
                String problem = constant(arg);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        if (staticInit && insn instanceof JumpInsnNode) {
            return "has a branch in a static initialiser (only constants are allowed there)";
        }
        return null;
    }

    private static String[] target(AbstractInsnNode insn) {
        if (insn instanceof MethodInsnNode call) {
            return new String[] {call.owner, call.name};
        }
        if (insn instanceof FieldInsnNode field) {
            return new String[] {field.owner, field.name};
        }
        if (insn instanceof TypeInsnNode type) {
            return new String[] {type.desc, null};
        }
        if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof Type t && t.getSort() == Type.OBJECT) {
            return new String[] {t.getInternalName(), null};
        }
        if (insn instanceof InvokeDynamicInsnNode indy) {
            for (Object arg : indy.bsmArgs) {
                if (arg instanceof Handle h) {
                    return new String[] {h.getOwner(), h.getName()};
                }
            }
        }
        return new String[] {null, null};
    }

    private String constant(Object cst) {
        if (cst instanceof Type type) {
            if (type.getSort() == Type.METHOD) {
                return null;
            }
            Type element = type.getSort() == Type.ARRAY ? type.getElementType() : type;
            return element.getSort() != Type.OBJECT || typeAllowed(element.getInternalName()) ? null
                    : "refers to class " + dotted(element.getInternalName());
        }
        if (cst instanceof Handle handle) {
            boolean field = handle.getTag() <= Opcodes.H_PUTSTATIC;
            boolean ok = field ? fieldAllowed(handle.getOwner(), handle.getName()) : methodAllowed(handle.getOwner(), handle.getName());
            return ok ? null : "refers to " + dotted(handle.getOwner()) + "." + handle.getName() + " by method reference";
        }
        if (cst instanceof ConstantDynamic) {
            return "uses a dynamic constant";
        }
        return null;
    }

    private boolean typeAllowed(String type) {
        return generated.containsKey(type) || AllowList.type(type) || AllowList.superType(type);
    }

    private boolean methodAllowed(String owner, String name) {
        ClassNode c = generated.get(owner);
        if (c == null) {
            return AllowList.method(owner, name);
        }
        if (AllowList.NEVER.contains(name) && !"clone".equals(name)) {
            return false;
        }
        if (c.methods.stream().anyMatch(m -> m.name.equals(name))) {
            return true;
        }
        // inherited: allowed only where the first non-generated super type allows it
        if (c.superName != null && methodAllowed(c.superName, name)) {
            return true;
        }
        return c.interfaces.stream().anyMatch(i -> methodAllowed(i, name)) || superTypeMethod(c, name);
    }

    private static boolean superTypeMethod(ClassNode c, String name) {
        // the functional interfaces and declared-type bases carry only their own contract
        return (c.superName != null && AllowList.superType(c.superName) && !"java/lang/Object".equals(c.superName)
                && !AllowList.NEVER.contains(name));
    }

    private boolean fieldAllowed(String owner, String name) {
        ClassNode c = generated.get(owner);
        if (c != null) {
            return true;
        }
        String t = owner;
        return AllowList.VALUE_TYPES.contains(t) || AllowList.MEMBERS.containsKey(t) && AllowList.MEMBERS.get(t).contains(name)
                || AllowList.CONSTANT_ENUMS.contains(t)
                || t.startsWith("org/drools/model/operators/") && "INSTANCE".equals(name);
    }

    static String dotted(String internal) {
        return internal.replace('/', '.');
    }
}

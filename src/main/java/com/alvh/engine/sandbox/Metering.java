package com.alvh.engine.sandbox;

import java.util.HashSet;
import java.util.Set;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites a verified class so that its code runs against the {@link Deadline}: a check at every method entry
 * (recursion) and before every backward jump (loops), and a length check before every array creation. Only
 * a no-argument static call is inserted, so the stack map frames stay valid and no class has to be loaded
 * to rewrite one (COMPUTE_MAXS, never COMPUTE_FRAMES).
 */
public final class Metering {

    private static final String DEADLINE = Deadline.class.getName().replace('.', '/');

    private Metering() {
    }

    public static byte[] instrument(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                return mv == null || (access & Opcodes.ACC_ABSTRACT) != 0 ? mv : new MeteredMethod(mv);
            }
        }, 0);
        return writer.toByteArray();
    }

    private static final class MeteredMethod extends MethodVisitor {
        private final Set<Label> seen = new HashSet<>();

        MeteredMethod(MethodVisitor mv) {
            super(Opcodes.ASM9, mv);
        }

        private void check() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, DEADLINE, "check", "()V", false);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            check();
        }

        @Override
        public void visitLabel(Label label) {
            seen.add(label);
            super.visitLabel(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (seen.contains(label)) {
                check();
            }
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            check();
            super.visitTableSwitchInsn(min, max, dflt, labels);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            check();
            super.visitLookupSwitchInsn(dflt, keys, labels);
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            if (opcode == Opcodes.NEWARRAY) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, DEADLINE, "arrayLength", "(I)I", false);
            }
            super.visitIntInsn(opcode, operand);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            if (opcode == Opcodes.ANEWARRAY) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, DEADLINE, "arrayLength", "(I)I", false);
            }
            super.visitTypeInsn(opcode, type);
        }
    }
}

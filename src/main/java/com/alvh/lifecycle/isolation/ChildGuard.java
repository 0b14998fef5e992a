package com.alvh.lifecycle.isolation;

import java.io.FilePermission;
import java.net.SocketPermission;
import java.nio.file.Path;
import java.security.Permission;

/**
 * The in-process layer of a candidate process's sandbox, beneath the OS one (no network namespace, read-only file
 * system) and the only one where the OS offers none: refuses starting processes, opening sockets, writing or deleting
 * files outside the scratch directory, ending the JVM and replacing this guard. It is a safety net, not the sandbox
 * itself (Java's SecurityManager is deprecated and reflection-heavy code can reach past it); what makes a candidate
 * harmless is that the process is disposable and confined.
 */
@SuppressWarnings("removal")
final class ChildGuard extends SecurityManager {

    private static volatile boolean exitAllowed;
    private final String scratch;

    private ChildGuard(Path scratch) {
        this.scratch = scratch.toAbsolutePath().normalize() + java.io.File.separator;
    }

    static void install(Path scratch) {
        try {
            System.setSecurityManager(new ChildGuard(scratch));
        } catch (UnsupportedOperationException e) {
            System.err.println("candidate process: no SecurityManager on this JVM; relying on the OS sandbox alone");
        }
    }

    static void allowExit() {
        exitAllowed = true;
    }

    @Override
    public void checkPermission(Permission p) {
        if (p instanceof SocketPermission) {
            throw new SecurityException("a rule set may not open network connections: " + p.getName());
        }
        if (p instanceof FilePermission f) {
            checkFile(f);
        } else if (p instanceof RuntimePermission r) {
            String name = r.getName();
            if (name.startsWith("exitVM") && !exitAllowed) {
                throw new SecurityException("a rule set may not end the process");
            }
            if (name.equals("setSecurityManager")) {
                throw new SecurityException("a rule set may not replace the guard");
            }
        }
    }

    @Override
    public void checkPermission(Permission p, Object context) {
        checkPermission(p);
    }

    private void checkFile(FilePermission f) {
        String actions = f.getActions();
        if (actions.contains("execute")) {
            throw new SecurityException("a rule set may not start programs: " + f.getName());
        }
        if ((actions.contains("write") || actions.contains("delete"))
                && !Path.of(f.getName()).toAbsolutePath().normalize().toString().concat(java.io.File.separator).startsWith(scratch)) {
            throw new SecurityException("a rule set may not write files: " + f.getName());
        }
    }
}

package com.alvh.engine.sandbox;

import java.util.Map;

/**
 * Defines the verified, metered classes of one rule set and nothing else; every other class comes from the
 * application. One loader per compiled rule set, so an old rule set's classes go with its knowledge base.
 */
public final class SandboxClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> classes;
    /** Names the application does not have: Drools asks for some on every session, and a miss scans every jar. */
    private final Map<String, Boolean> missing = new java.util.concurrent.ConcurrentHashMap<>();

    /** {@code classes}: binary class name (dotted) → metered class file. */
    public SandboxClassLoader(ClassLoader parent, Map<String, byte[]> classes) {
        super("alvh-rules", parent);
        this.classes = Map.copyOf(classes);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!classes.containsKey(name)) {
            if (missing.containsKey(name)) {
                throw new ClassNotFoundException(name);
            }
            try {
                return super.loadClass(name, resolve);
            } catch (ClassNotFoundException e) {
                if (missing.size() < 10_000) {
                    missing.put(name, Boolean.TRUE);
                }
                throw e;
            }
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] bytes = classes.get(name);
                c = defineClass(name, bytes, 0, bytes.length);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        throw new ClassNotFoundException(name);
    }
}

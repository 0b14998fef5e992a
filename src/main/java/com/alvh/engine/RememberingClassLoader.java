package com.alvh.engine;

import java.net.URL;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's class loader as the rule compiler sees it, with every answer remembered, found or not.
 *
 * <p>Compiling a rule set asks the class loader thousands of times for classes and class files, most of them names
 * that do not exist: Drools tries every import for each simple name, ECJ asks for packages and types, and every
 * generated class is first looked for in the parent. Quarkus' runner class loader keeps only four jars open, so in
 * the packaged service those lookups close and reopen (and re-index) jars over and over: about a quarter of the CPU
 * of a reload in a JFR profile. The application's class path does not change while it runs, so an answer stays
 * true. This loader defines no class: every class it returns is the parent's.
 */
public final class RememberingClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    /**
     * Answers kept before the memory is started afresh: far above what one compile asks (a few thousand), while
     * names of generated classes, new with every version, cannot pile up over hundreds of reloads.
     */
    private static final int MAX_REMEMBERED = 50_000;

    private final Map<String, Optional<Class<?>>> classes = new ConcurrentHashMap<>();
    private final Map<String, Optional<URL>> resources = new ConcurrentHashMap<>();

    public RememberingClassLoader(ClassLoader parent) {
        super("alvh-rule-compiler-lookups", parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        Optional<Class<?>> known = classes.get(name);
        if (known == null) {
            try {
                known = Optional.of(getParent().loadClass(name));
            } catch (ClassNotFoundException e) {
                known = Optional.empty();
            }
            remember(classes, name, known);
        }
        return known.orElseThrow(() -> new ClassNotFoundException(name));
    }

    @Override
    public URL getResource(String name) {
        Optional<URL> known = resources.get(name);
        if (known == null) {
            known = Optional.ofNullable(getParent().getResource(name));
            remember(resources, name, known);
        }
        return known.orElse(null);
    }

    private static <T> void remember(Map<String, T> memory, String name, T answer) {
        if (memory.size() >= MAX_REMEMBERED) {
            memory.clear();
        }
        memory.put(name, answer);
    }
}

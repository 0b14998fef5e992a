package com.alvh.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URL;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The compiler's class loader answers as the application's does, and asks it each question once. */
class RememberingClassLoaderTest {

    /** The application's loader, counting what it is asked. */
    private static final class Counting extends ClassLoader {
        final AtomicInteger classLookups = new AtomicInteger();
        final AtomicInteger resourceLookups = new AtomicInteger();

        Counting() {
            super(RememberingClassLoaderTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            classLookups.incrementAndGet();
            return super.loadClass(name, resolve);
        }

        @Override
        public URL getResource(String name) {
            resourceLookups.incrementAndGet();
            return super.getResource(name);
        }
    }

    @Test
    void aClassIsTheApplicationsOwnAndLookedUpOnce() throws Exception {
        Counting app = new Counting();
        RememberingClassLoader loader = new RememberingClassLoader(app);
        assertSame(CompiledRuleSet.class, loader.loadClass(CompiledRuleSet.class.getName()));
        assertSame(CompiledRuleSet.class, Class.forName(CompiledRuleSet.class.getName(), false, loader));
        assertEquals(1, app.classLookups.get());
    }

    @Test
    void aMissingClassStaysMissingWithoutAskingAgain() {
        Counting app = new Counting();
        RememberingClassLoader loader = new RememberingClassLoader(app);
        for (int i = 0; i < 3; i++) {
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("alvh.rules.NoSuchType"));
        }
        assertEquals(1, app.classLookups.get());
    }

    @Test
    void resourcesFoundOrNotAreAskedOnce() {
        Counting app = new Counting();
        RememberingClassLoader loader = new RememberingClassLoader(app);
        String present = CompiledRuleSet.class.getName().replace('.', '/') + ".class";
        URL first = loader.getResource(present);
        assertEquals(first, loader.getResource(present));
        assertEquals(app.getResource(present), first);
        assertNull(loader.getResource("alvh/rules/NoSuchType.class"));
        assertNull(loader.getResource("alvh/rules/NoSuchType.class"));
        assertEquals(3, app.resourceLookups.get()); // present, missing, and the comparison above
    }
}

package com.alvh.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import com.alvh.hedge.Signal;
import com.alvh.market.Metric;
import com.alvh.strategy.ContentHash;

/**
 * The on-disk cache of generated rule classes: a restart reads them instead of generating them, and whatever is read
 * goes through the sandbox's checks again, so an entry that was copied, edited or re-signed with forbidden code is
 * never what runs.
 */
class CompiledClassCacheTest {

    @TempDir
    Path dir;

    /** A rule set no other test compiles, so the in-memory copy this test forgets is its own. */
    private final Map<String, String> files = Map.of("flag.drl", """
            package t;
            import com.alvh.market.Metric;
            import com.alvh.hedge.Signal;
            // %s
            rule "Flag a rich valuation"
            when
                $m : Metric(name == "peRatio", value > 22)
            then
                insert(new Signal("RICH", $m.value(), 22, "rich"));
            end
            """.formatted(UUID.randomUUID()));
    private final String version = ContentHash.ofFiles(new TreeMap<>(files));

    private RuleSetCompiler compiler(Optional<CompiledClassCache> cache) {
        return new RuleSetCompiler(getClass().getClassLoader(), Clock.systemUTC(), RuleSetCompiler.DEFAULT_DEADLINE, cache);
    }

    private CompiledRuleSet compileAfterRestart(Optional<CompiledClassCache> cache) {
        RuleSetCompiler.forgetInMemory(version);
        RuleSetCompiler.Result result = compiler(cache).compile(files);
        assertTrue(result.valid(), () -> result.errors().toString());
        return result.ruleSet();
    }

    private static void assertFlagsRichValuation(CompiledRuleSet rules) {
        RuleOutcome outcome = RuleSessionRunner.run(rules, List.of(new Metric("peRatio", 24.5)), 500);
        assertEquals("Flag a rich valuation", outcome.conclusions().get(0).rule());
        assertTrue(outcome.conclusions().get(0).fact() instanceof Signal);
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.toString().endsWith(".classes")).toList();
        }
    }

    @Test
    void aRestartReadsTheGeneratedClassesInsteadOfGeneratingThem() throws IOException {
        Optional<CompiledClassCache> cache = CompiledClassCache.in(dir);
        assertTrue(cache.isPresent(), "the test classes can be fingerprinted");
        long before = RuleSetCompiler.generations();
        compileAfterRestart(cache);
        assertEquals(before + 1, RuleSetCompiler.generations());
        assertEquals(1, entries().size());

        CompiledRuleSet again = compileAfterRestart(CompiledClassCache.in(dir));

        assertEquals(before + 1, RuleSetCompiler.generations(), "no second generation");
        assertEquals(version, again.version());
        assertEquals(List.of("Flag a rich valuation"), again.rules().stream().map(RuleInfo::name).toList());
        assertFlagsRichValuation(again);
    }

    @Test
    void anEntryEditedOnDiskIsIgnoredAndTheRulesAreGeneratedAgain() throws IOException {
        Optional<CompiledClassCache> cache = CompiledClassCache.in(dir);
        compileAfterRestart(cache);
        Path entry = entries().get(0);
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(entry, bytes);
        long before = RuleSetCompiler.generations();

        assertFlagsRichValuation(compileAfterRestart(CompiledClassCache.in(dir)));

        assertEquals(before + 1, RuleSetCompiler.generations());
        assertFalse(java.util.Arrays.equals(bytes, Files.readAllBytes(entry)), "the entry was written again");
    }

    @Test
    void anEntryFromAnotherInstallationIsIgnored(@TempDir Path other) throws IOException {
        compileAfterRestart(CompiledClassCache.in(other));
        Files.createDirectories(dir);
        Path copied = Files.copy(entriesIn(other).get(0), dir.resolve(entriesIn(other).get(0).getFileName()));
        byte[] copiedBytes = Files.readAllBytes(copied);
        long before = RuleSetCompiler.generations();

        compileAfterRestart(CompiledClassCache.in(dir));

        assertEquals(before + 1, RuleSetCompiler.generations(), "a foreign entry is not trusted");
        assertFalse(java.util.Arrays.equals(copiedBytes, Files.readAllBytes(copied)));
    }

    @Test
    void anotherBuildOfTheApplicationDoesNotReadTheEntry() throws IOException {
        compileAfterRestart(Optional.of(CompiledClassCache.in(dir, "build A")));
        long before = RuleSetCompiler.generations();

        compileAfterRestart(Optional.of(CompiledClassCache.in(dir, "build B")));

        assertEquals(before + 1, RuleSetCompiler.generations());
        assertEquals(2, entries().size());
    }

    @Test
    void forbiddenCodeInASignedEntryIsRefusedAndTheSourcesWin() throws IOException {
        CompiledClassCache cache = CompiledClassCache.in(dir, "build A");
        compileAfterRestart(Optional.of(cache));
        Map<String, byte[]> classes = cache.read(version).orElseThrow();
        // someone with the key (or a bug) stores classes that call System.exit in every method with code
        Map<String, byte[]> poisoned = new TreeMap<>(classes);
        poisoned.replaceAll((name, bytes) -> callingSystemExit(bytes));
        assertFalse(com.alvh.engine.sandbox.BytecodeVerifier.verify(poisoned).isEmpty(), "the poison is one the verifier sees");
        cache.write(version, poisoned);
        assertArrayEquals(poisoned.values().iterator().next(), cache.read(version).orElseThrow().values().iterator().next());
        long before = RuleSetCompiler.generations();

        CompiledRuleSet rules = compileAfterRestart(Optional.of(cache));

        assertEquals(before + 1, RuleSetCompiler.generations(), "refused classes are replaced by a fresh generation");
        assertFlagsRichValuation(rules);
        assertEquals(List.of(), com.alvh.engine.sandbox.BytecodeVerifier.verify(cache.read(version).orElseThrow()),
                "the entry now holds the freshly generated, allowed classes");
    }

    private static List<Path> entriesIn(Path d) throws IOException {
        try (Stream<Path> list = Files.list(d)) {
            return list.filter(p -> p.toString().endsWith(".classes")).toList();
        }
    }

    private static byte[] callingSystemExit(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, 0);
        for (MethodNode m : node.methods) {
            if (m.instructions.size() > 0) {
                InsnList exit = new InsnList();
                exit.add(new InsnNode(Opcodes.ICONST_0));
                exit.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/System", "exit", "(I)V", false));
                m.instructions.insert(exit);
            }
        }
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        node.accept(writer);
        return writer.toByteArray();
    }
}

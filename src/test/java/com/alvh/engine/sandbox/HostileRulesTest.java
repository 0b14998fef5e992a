package com.alvh.engine.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.alvh.engine.CompiledRuleSet;
import com.alvh.engine.RuleDeadlineException;
import com.alvh.engine.RuleError;
import com.alvh.engine.RuleEvaluationException;
import com.alvh.engine.RuleSessionRunner;
import com.alvh.engine.RuleSetCompiler;
import com.alvh.market.Metric;

/**
 * Every file of the hostile corpus (src/test/resources/hostile, one trick per file, its second line saying
 * what must happen) goes through the real compiler. "refused": the compile fails with an error located in
 * that file (line, and the rule or function named). "deadline": it compiles (the trick is only visible at
 * run time) and the evaluation is stopped at the deadline with the rule named. "contained": it compiles and
 * the evaluation fails with a RuleEvaluationException naming the rule (stack overflow, huge allocation).
 * Afterwards nothing the rules aimed at exists: no marker file, no listening port, no child process.
 */
class HostileRulesTest {

    static final Path CORPUS = Path.of("src/test/resources/hostile");
    static final Path MARKERS = Path.of("/tmp/alvh-hostile");
    private static final RuleSetCompiler COMPILER = new RuleSetCompiler(HostileRulesTest.class.getClassLoader(),
            Clock.systemUTC(), Duration.ofMillis(250));

    @BeforeAll
    static void cleanMarkers() throws IOException {
        if (Files.isDirectory(MARKERS)) {
            try (Stream<Path> files = Files.list(MARKERS)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        }
        Files.createDirectories(MARKERS); // exists and is writable, so only the sandbox can stop a write
    }

    @TestFactory
    Stream<DynamicTest> everyHostileFileIsRefusedOrStopped() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(CORPUS)) {
            files = list.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
        }
        assertTrue(files.size() >= 40, "the corpus has at least 40 hostile rule files, found " + files.size());
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
    }

    private static void check(Path file) throws IOException {
        String name = file.getFileName().toString();
        String source = Files.readString(file, StandardCharsets.UTF_8);
        String expect = expectation(source);
        RuleSetCompiler.Result result = COMPILER.compile(Map.of(name, source));
        if (expect.equals("refused")) {
            assertFalse(result.valid(), name + " must be refused at compile time");
            RuleError first = result.errors().get(0);
            assertEquals(name, first.file(), () -> "located in its file: " + result.errors());
            assertTrue(first.line() >= 1, () -> "with a line: " + first);
            return;
        }
        if (!result.valid()) {
            // Drools evaluates an eval or from without variables once while it builds: stopped there, located
            assertTrue(expect.equals("deadline") && result.errors().get(0).message().contains("did not finish"),
                    () -> name + " compiles, or is stopped while the rule set is built: " + result.errors());
            assertEquals(name, result.errors().get(0).file());
            return;
        }
        CompiledRuleSet rules = result.ruleSet();
        // a hang guard, not a timing assertion: the deadline is 250 ms, a broken one would hang the suite
        RuleEvaluationException e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(
                RuleEvaluationException.class, () -> RuleSessionRunner.run(rules, List.of(new Metric("x", 1.0)), 1000)));
        assertNotEquals("(unknown)", e.rule(), () -> "the rule is named: " + e.getMessage());
        assertTrue(rules.rules().stream().anyMatch(r -> r.name().equals(e.rule())), () -> "a rule of the file: " + e.rule());
        if (expect.equals("deadline")) {
            assertTrue(e instanceof RuleDeadlineException, () -> "stopped at the deadline: " + e.getMessage());
        }
    }

    private static String expectation(String source) {
        for (String line : source.split("\n", 4)) {
            if (line.startsWith("// expect: ")) {
                return line.substring("// expect: ".length()).trim();
            }
        }
        fail("every hostile file says on its second line what must happen");
        return null;
    }

    @AfterAll
    static void noSideEffects() throws IOException {
        try (Stream<Path> left = Files.list(MARKERS)) {
            assertEquals(List.of(), left.toList(), "no hostile rule wrote a file");
        }
        for (int port : new int[] {47199, 47198}) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                fail("a hostile rule opened port " + port);
            } catch (IOException expected) {
                // nothing listens there
            }
        }
        assertEquals(0, ProcessHandle.current().children().count(), "no hostile rule started a process");
    }
}

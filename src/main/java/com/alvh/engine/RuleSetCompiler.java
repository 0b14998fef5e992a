package com.alvh.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.model.Model;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.CanonicalKieModule;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.objectweb.asm.tree.ClassNode;

import com.alvh.engine.sandbox.BytecodeVerifier;
import com.alvh.engine.sandbox.Deadline;
import com.alvh.engine.sandbox.Finding;
import com.alvh.engine.sandbox.Metering;
import com.alvh.engine.sandbox.SandboxClassLoader;
import com.alvh.strategy.ContentHash;

/**
 * Compiles DRL sources into a {@link CompiledRuleSet} at run time with Drools' executable model, so that every
 * constraint and consequence becomes Java bytecode. Before any generated class is loaded, the whole of it is
 * verified against the sandbox's allow-list ({@link BytecodeVerifier}) and metered against the evaluation
 * deadline ({@link Metering}); only then is it defined, in a class loader of its own, and turned into a
 * knowledge base. Nothing stays in the KieRepository, so old rule sets are garbage once unused.
 */
public final class RuleSetCompiler {

    /** Prefix given to source paths so Drools treats them as resources; stripped again in errors. */
    static final String SOURCE_ROOT = "rules/";
    /** Default for how long one evaluation's rule code may run (alvh.evaluation-deadline). */
    public static final Duration DEFAULT_DEADLINE = Duration.ofMillis(250);
    /** Bound on building the knowledge base from verified classes (no rule code runs there, but no open end). */
    private static final Duration BUILD_DEADLINE = Duration.ofSeconds(10);
    private static final String PROJECT_MODEL = "org/drools/project/model/";
    private static final AtomicLong BUILDS = new AtomicLong();

    /** Verified and metered classes by content version: an unchanged rule set is not generated again. */
    private static final Map<String, Verified> VERIFIED = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
            return size() > 32;
        }
    });

    private final ClassLoader classLoader;
    private final Clock clock;
    private final Duration deadline;
    private final Optional<CompiledClassCache> disk;

    public RuleSetCompiler(ClassLoader classLoader, Clock clock) {
        this(classLoader, clock, DEFAULT_DEADLINE);
    }

    public RuleSetCompiler(ClassLoader classLoader, Clock clock, Duration evaluationDeadline) {
        this(classLoader, clock, evaluationDeadline, Optional.empty());
    }

    /**
     * With {@code disk}, the generated classes of every rule set that passed the sandbox's checks are kept there and
     * read back instead of being generated again (verified and metered again like fresh ones).
     */
    public RuleSetCompiler(ClassLoader classLoader, Clock clock, Duration evaluationDeadline,
            Optional<CompiledClassCache> disk) {
        this.classLoader = classLoader;
        this.clock = clock;
        this.deadline = evaluationDeadline;
        this.disk = disk;
    }

    /** How many times this process ran the executable model's code generation (each costs about a second cold). */
    static long generations() {
        return BUILDS.get();
    }

    /** Forgets the in-memory verified classes of a version, as a restart does; for tests of the disk cache. */
    static void forgetInMemory(String version) {
        VERIFIED.remove(version);
    }

    /** The outcome of a compile: a rule set, or the located errors that prevented it. */
    public record Result(CompiledRuleSet ruleSet, List<RuleError> errors) {
        public boolean valid() {
            return ruleSet != null;
        }
    }

    private record Verified(Map<String, byte[]> metered, List<String> models, RuleSources sources, GeneratedCode code,
                            DecisionTables.Expansion tables) {
    }

    /**
     * Compiles {@code files} (name relative to the rules directory → DRL source, CSV decision table, or XLSX decision
     * table as base64). The version covers the files as given, tables included; tables are compiled as the DRL they
     * convert to, and errors in that DRL are reported at the table's sheet, row and column.
     */
    public Result compile(Map<String, String> files) {
        Map<String, String> sorted = new TreeMap<>(files);
        String version = ContentHash.ofFiles(sorted);
        try {
            Verified verified = VERIFIED.get(version);
            if (verified == null) {
                DecisionTables.Expansion tables = DecisionTables.expand(sorted);
                if (!tables.errors().isEmpty()) {
                    return new Result(null, tables.errors());
                }
                Checked checked = verify(version, tables);
                if (!checked.errors().isEmpty()) {
                    return new Result(null, tables.locate(checked.errors()));
                }
                verified = checked.verified();
                VERIFIED.put(version, verified);
            }
            KieBase kieBase;
            try {
                kieBase = kieBase(verified);
            } catch (RuntimeException | Error e) {
                return new Result(null, verified.tables().locate(List.of(buildFailure(e, verified.code(), sorted.keySet()))));
            }
            List<RuleInfo> rules = rulesOf(kieBase, verified.sources(), verified.tables());
            return new Result(new CompiledRuleSet(version, sorted, rules, clock.instant(), kieBase,
                    new CompiledRuleSet.Runtime(deadline, verified.code(), rules)), List.of());
        } catch (RuntimeException | Error e) {
            // Drools surfaces some failures (e.g. a class it cannot initialise) as Errors; none may take the service down.
            return new Result(null, List.of(new RuleError("(rule set)", 1, 1, "cannot be compiled: " + e)));
        }
    }

    private record Checked(Verified verified, List<RuleError> errors) {
    }

    /**
     * Generates (or reads from the disk cache), verifies and meters the classes of the DRL files (tables already
     * converted); loads nothing. Classes read from the cache go through the same checks; if they fail them, the entry
     * is dropped and the sources are generated again, so the answer is always the sources' own.
     */
    private Checked verify(String version, DecisionTables.Expansion tables) {
        Map<String, String> drl = tables.drl();
        RuleSources sources = RuleSources.parse(drl);
        if (!sources.precheck().isEmpty()) {
            return new Checked(null, sources.precheck());
        }
        Optional<Map<String, byte[]>> cached = disk.flatMap(d -> d.read(version));
        if (cached.isPresent()) {
            try {
                Checked checked = verify(cached.get(), sources, tables);
                if (checked.errors().isEmpty()) {
                    return checked;
                }
            } catch (RuntimeException e) {
                // unreadable class files: fall through to a fresh generation
            }
            disk.ifPresent(d -> d.drop(version));
        }
        Generated generated = generate(drl, sources);
        if (!generated.errors().isEmpty()) {
            return new Checked(null, generated.errors());
        }
        Checked checked = verify(generated.classes(), sources, tables);
        if (checked.errors().isEmpty()) {
            disk.ifPresent(d -> d.write(version, generated.classes()));
        }
        return checked;
    }

    private Checked verify(Map<String, byte[]> classes, RuleSources sources, DecisionTables.Expansion tables) {
        Generated generated = new Generated(classes, List.of());
        Map<String, ClassNode> nodes = BytecodeVerifier.parse(generated.classes());
        GeneratedCode code = GeneratedCode.map(nodes, sources);
        List<Finding> findings = new ArrayList<>(BytecodeVerifier.verify(generated.classes()));
        findings.addAll(shadowing(nodes));
        if (!findings.isEmpty()) {
            return new Checked(null, refusals(findings, code));
        }
        return new Checked(new Verified(metered(generated.classes()), models(nodes), sources, code, tables), List.of());
    }

    /**
     * Drools runs some rule code while it builds the knowledge base (an {@code eval} or {@code from} without
     * variables is evaluated once, as a constant). It runs metered, under a build deadline; a failure there is
     * the rule's, located like any other.
     */
    private static RuleError buildFailure(Throwable e, GeneratedCode code, java.util.Set<String> files) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        boolean deadline = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            deadline |= t instanceof com.alvh.engine.sandbox.DeadlineExceeded;
        }
        String what = deadline ? "did not finish within " + BUILD_DEADLINE.toSeconds()
                + " s while the rule set was built (Drools evaluates an eval or from without variables once, at build time)"
                : "failed while the rule set was built: " + root;
        StackTraceElement[] trace = root.getStackTrace();
        var owner = code.owner(trace, true).or(() -> code.owner(trace, false));
        return owner.map(o -> new RuleError(o.file(), Math.max(1, o.line()), 1, o.label() + " " + what))
                .orElseGet(() -> new RuleError(files.size() == 1 ? files.iterator().next() : "(rule set)", 1, 1,
                        "cannot be compiled: " + what));
    }

    private record Generated(Map<String, byte[]> classes, List<RuleError> errors) {
    }

    /** Runs the executable model's code generation and Java compile; loads nothing. */
    private Generated generate(Map<String, String> files, RuleSources sources) {
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId releaseId = ks.newReleaseId("com.alvh.rules", "ruleset" + BUILDS.incrementAndGet(), "1.0.0");
        kfs.generateAndWritePomXML(releaseId);
        files.forEach((name, source) -> kfs.write("src/main/resources/" + SOURCE_ROOT + name, source));
        KieBuilder builder = ks.newKieBuilder(kfs, classLoader);
        try {
            builder.buildAll(ExecutableModelProject.class);
            List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
            if (!errors.isEmpty()) {
                return new Generated(Map.of(), RuleErrorParser.parseMessages(errors, sources, files.keySet()));
            }
            Map<String, byte[]> classes = new TreeMap<>(((CanonicalKieModule) builder.getKieModule()).getClassesMap());
            // the project descriptor class configures a KieContainer; this compiler never loads it
            classes.keySet().removeIf(name -> name.startsWith(PROJECT_MODEL));
            return new Generated(classes, List.of());
        } finally {
            ks.getRepository().removeKieModule(releaseId);
        }
    }

    /** A generated class may not take the name of a class the application already has. */
    private List<Finding> shadowing(Map<String, ClassNode> nodes) {
        List<Finding> findings = new ArrayList<>();
        for (String name : nodes.keySet()) {
            if (classLoader.getResource(name + ".class") != null) {
                findings.add(new Finding(name, null, "declares a class named like an existing one: " + name.replace('/', '.')));
            }
        }
        return findings;
    }

    private static List<RuleError> refusals(List<Finding> findings, GeneratedCode code) {
        Map<String, RuleError> errors = new LinkedHashMap<>();
        for (Finding f : findings) {
            String simple = f.target() == null ? null : f.target().substring(f.target().lastIndexOf('/') + 1)
                    .replaceAll(".*\\$", "");
            String lead = simple == null ? "" : "'" + simple + "' is not allowed in rules: ";
            RuleError error = code.owner(f.className(), f.method())
                    .map(e -> {
                        int line = e.lineOf(f.member());
                        if (line == e.line() && simple != null) {
                            line = e.lineOf(simple);
                        }
                        return new RuleError(e.file(), Math.max(1, line), column(e, line, f.member(), simple),
                                lead + e.label() + " " + f.what() + NOT_ALLOWED);
                    })
                    .orElseGet(() -> unlocated(f, lead, code));
            errors.putIfAbsent(error.file() + error.line() + error.message(), error);
        }
        return errors.values().stream().sorted(Comparator.comparing(RuleError::file).thenComparingInt(RuleError::line)).toList();
    }

    /** A finding in generated code no rule claims (a global, a static field): found by the name it uses. */
    private static RuleError unlocated(Finding f, String lead, GeneratedCode code) {
        String simple = f.target() == null ? null : f.target().substring(f.target().lastIndexOf('/') + 1);
        String message = lead + "generated code " + f.className().replace('/', '.') + " " + f.what() + NOT_ALLOWED;
        return code.sources().mentioning(f.member(), simple)
                .map(at -> new RuleError(at.file(), at.line(), 1, message))
                .orElseGet(() -> new RuleError(code.sources().singleFile().orElse("(rule set)"), 1, 1, message));
    }

    private static int column(RuleSources.Element e, int line, String member, String simple) {
        if (line < 1 || line > e.lines().length) {
            return 1;
        }
        String text = e.lines()[line - 1];
        int at = member != null && !member.startsWith("<") ? text.indexOf(member) : -1;
        at = at < 0 && simple != null ? text.indexOf(simple) : at;
        return at < 0 ? 1 : at + 1;
    }

    private static final String NOT_ALLOWED = ", which rules may not do: rule code may use only the facts and conclusions,"
            + " Math, strings, numbers, java.time and read-only collections";

    private static Map<String, byte[]> metered(Map<String, byte[]> classes) {
        Map<String, byte[]> metered = new LinkedHashMap<>();
        classes.forEach((file, bytes) -> metered.put(file.substring(0, file.length() - ".class".length()).replace('/', '.'),
                Metering.instrument(bytes)));
        return metered;
    }

    private static List<String> models(Map<String, ClassNode> nodes) {
        return nodes.values().stream().filter(c -> c.interfaces.contains("org/drools/model/Model"))
                .map(c -> c.name.replace('/', '.')).sorted().toList();
    }

    private KieBase kieBase(Verified verified) {
        SandboxClassLoader loader = new SandboxClassLoader(classLoader, verified.metered());
        Deadline.open(BUILD_DEADLINE);
        try {
            List<Model> models = new ArrayList<>();
            for (String name : verified.models()) {
                models.add((Model) Class.forName(name, true, loader).getConstructor().newInstance());
            }
            return KieBaseBuilder.createKieBaseFromModel(models,
                    KieServices.get().newKieBaseConfiguration(null, loader));
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalStateException("generated rule model cannot be instantiated: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("generated rule model cannot be instantiated: " + e, e);
        } finally {
            Deadline.close();
        }
    }

    private static List<RuleInfo> rulesOf(KieBase kieBase, RuleSources sources, DecisionTables.Expansion tables) {
        List<RuleInfo> rules = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                String file = sources.find("rule", rule.getPackageName(), rule.getName())
                        .or(() -> sources.find("query", rule.getPackageName(), rule.getName()))
                        .map(e -> tables.sourceOf(e.file())).orElse("(unknown)");
                rules.add(new RuleInfo(rule.getName(), file, salienceOf(rule)));
            }
        }
        rules.sort(Comparator.comparing(RuleInfo::file).thenComparing(r -> -r.salience()).thenComparing(RuleInfo::name));
        return rules;
    }

    private static int salienceOf(Rule rule) {
        if (rule instanceof RuleImpl impl && impl.getSalience() != null) {
            try {
                return impl.getSalience().getValue();
            } catch (RuntimeException e) {
                return 0;
            }
        }
        return 0;
    }
}

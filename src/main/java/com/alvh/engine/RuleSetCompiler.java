package com.alvh.engine;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

import com.alvh.strategy.ContentHash;

/**
 * Compiles DRL sources into a {@link CompiledRuleSet} at run time. Uses the plain KnowledgeBuilder rather
 * than a KieContainer: nothing is registered in the KieRepository, so old rule sets are garbage once unused.
 */
public final class RuleSetCompiler {

    /** Prefix given to source paths so Drools treats them as resources; stripped again in errors. */
    static final String SOURCE_ROOT = "rules/";

    private final ClassLoader classLoader;
    private final Clock clock;

    public RuleSetCompiler(ClassLoader classLoader, Clock clock) {
        this.classLoader = classLoader;
        this.clock = clock;
    }

    /** The outcome of a compile: a rule set, or the located errors that prevented it. */
    public record Result(CompiledRuleSet ruleSet, List<RuleError> errors) {
        public boolean valid() {
            return ruleSet != null;
        }
    }

    /** Compiles {@code files} (name relative to the rules directory → DRL source). */
    public Result compile(Map<String, String> files) {
        Map<String, String> sorted = new TreeMap<>(files);
        List<RuleError> sandbox = RuleSandbox.check(sorted);
        if (!sandbox.isEmpty()) {
            return new Result(null, sandbox);
        }
        try {
            KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                    KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(classLoader));
            CompositeKnowledgeBuilder batch = builder.batch();
            sorted.forEach((name, source) -> batch.add(resource(name, source), ResourceType.DRL));
            batch.build();
            if (builder.hasErrors()) {
                return new Result(null, RuleErrorParser.parse(builder.getErrors()));
            }
            KieBase kieBase = builder.newKieBase();
            return new Result(new CompiledRuleSet(ContentHash.ofFiles(sorted), sorted, rulesOf(kieBase),
                    clock.instant(), kieBase), List.of());
        } catch (RuntimeException | Error e) {
            // Drools surfaces some failures (e.g. a class it cannot initialise) as Errors; none may take the service down.
            return new Result(null, List.of(new RuleError("(rule set)", 1, 1, "cannot be compiled: " + e)));
        }
    }

    private static Resource resource(String name, String source) {
        Resource resource = ResourceFactory.newByteArrayResource(source.getBytes(StandardCharsets.UTF_8));
        resource.setSourcePath(SOURCE_ROOT + name);
        resource.setResourceType(ResourceType.DRL);
        return resource;
    }

    private static List<RuleInfo> rulesOf(KieBase kieBase) {
        List<RuleInfo> rules = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                rules.add(new RuleInfo(rule.getName(), fileOf(rule), salienceOf(rule)));
            }
        }
        rules.sort(Comparator.comparing(RuleInfo::file).thenComparing(r -> -r.salience()).thenComparing(RuleInfo::name));
        return rules;
    }

    static String fileOf(Rule rule) {
        if (rule instanceof RuleImpl impl && impl.getResource() != null && impl.getResource().getSourcePath() != null) {
            String path = impl.getResource().getSourcePath();
            return path.startsWith(SOURCE_ROOT) ? path.substring(SOURCE_ROOT.length()) : path;
        }
        return "(unknown)";
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

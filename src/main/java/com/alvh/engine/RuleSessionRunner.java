package com.alvh.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.drools.base.InitialFact;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.MatchCancelledEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;

/**
 * Runs one evaluation in its own session: inserts the facts, fires up to a limit, and records the firing
 * trail, the conclusions each rule drew and the matches that were cancelled. The session is disposed
 * whatever happens, so a failing evaluation leaves nothing behind.
 */
public final class RuleSessionRunner {

    private RuleSessionRunner() {
    }

    public static RuleOutcome run(CompiledRuleSet ruleSet, Collection<?> facts, int firingLimit) {
        return run(ruleSet, facts, firingLimit, java.util.Set.of());
    }

    /**
     * As {@link #run(CompiledRuleSet, Collection, int)}, but the rules named in {@code blockedRules} may not fire
     * (their matches stay on the agenda unfired): used for rules that need an input the request lacks.
     */
    public static RuleOutcome run(CompiledRuleSet ruleSet, Collection<?> facts, int firingLimit,
                                  java.util.Set<String> blockedRules) {
        AgendaFilter allowed = match -> !blockedRules.contains(match.getRule().getName());
        KieSession session = ruleSet.kieBase().newKieSession();
        Trail trail = new Trail(ruleSet);
        try {
            session.addEventListener((org.kie.api.event.rule.AgendaEventListener) trail);
            session.addEventListener(trail.insertions);
            facts.forEach(session::insert);
            int fired = session.fireAllRules(allowed, firingLimit);
            if (fired >= firingLimit && hasPendingWork(session, trail, allowed)) {
                String rule = mostFrequentRule(trail.firings);
                throw new RuleEvaluationException(rule, "evaluation stopped at the firing limit of " + firingLimit
                        + " firings; rule '" + rule + "' keeps firing (a rule loop?)", null);
            }
            return new RuleOutcome(List.copyOf(trail.firings), List.copyOf(trail.insertions.conclusions),
                    List.copyOf(trail.cancelled));
        } catch (RuleEvaluationException e) {
            throw e;
        } catch (RuntimeException e) {
            String rule = trail.current == null ? "(unknown)" : trail.current;
            throw new RuleEvaluationException(rule, "rule '" + rule + "' failed: " + rootMessage(e), e);
        } finally {
            session.dispose();
        }
    }

    private static boolean hasPendingWork(KieSession session, Trail trail, AgendaFilter allowed) {
        int before = trail.firings.size();
        session.fireAllRules(allowed, 1);
        return trail.firings.size() > before;
    }

    private static String mostFrequentRule(List<Firing> firings) {
        Map<String, Long> counts = firings.stream().collect(Collectors.groupingBy(Firing::rule, Collectors.counting()));
        return counts.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse("(unknown)");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static List<MatchedFact> snapshot(Match match) {
        return match.getObjects().stream().filter(o -> !(o instanceof InitialFact))
                .map(FactSnapshot::of).toList();
    }

    /** Listens to one session and keeps its trail. */
    private static final class Trail extends DefaultAgendaEventListener {
        private final Function<String, String> fileOf;
        private final List<Firing> firings = new ArrayList<>();
        private final List<CancelledMatch> cancelled = new ArrayList<>();
        private final Insertions insertions;
        private String current;

        Trail(CompiledRuleSet ruleSet) {
            this.fileOf = name -> ruleSet.fileOf(name).orElse("(unknown)");
            this.insertions = new Insertions(fileOf);
        }

        @Override
        public void beforeMatchFired(org.kie.api.event.rule.BeforeMatchFiredEvent event) {
            current = event.getMatch().getRule().getName();
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            String rule = event.getMatch().getRule().getName();
            firings.add(new Firing(firings.size() + 1, rule, fileOf.apply(rule), snapshot(event.getMatch())));
        }

        @Override
        public void matchCancelled(MatchCancelledEvent event) {
            cancelled.add(new CancelledMatch(event.getMatch().getRule().getName(), String.valueOf(event.getCause()),
                    snapshot(event.getMatch())));
        }
    }

    /** Records facts inserted by rules, in insertion order. */
    private static final class Insertions extends DefaultRuleRuntimeEventListener {
        private final Function<String, String> fileOf;
        private final List<Conclusion> conclusions = new ArrayList<>();

        Insertions(Function<String, String> fileOf) {
            this.fileOf = fileOf;
        }

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            if (event.getRule() != null) {
                String rule = event.getRule().getName();
                conclusions.add(new Conclusion(event.getObject(), rule, fileOf.apply(rule)));
            }
        }
    }
}

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

import com.alvh.engine.sandbox.Deadline;
import com.alvh.engine.sandbox.DeadlineExceeded;

/**
 * Runs one evaluation in its own session: inserts the facts, fires up to a limit, and records the firing
 * trail, the conclusions each rule drew and the matches that were cancelled. Sessions come from the rule set's
 * {@link SessionPool}: one that finished cleanly goes back reset, one that failed is disposed, so a failing
 * evaluation leaves nothing behind.
 */
public final class RuleSessionRunner {

    private RuleSessionRunner() {
    }

    /**
     * Runs the rules on {@code facts}. Never lets anything thrown by rule code reach the caller except as a
     * {@link RuleEvaluationException} naming the rule: exceptions, {@link StackOverflowError}, {@link OutOfMemoryError},
     * and the deadline ({@link RuleDeadlineException}) alike. The thread is free again when this returns.
     */
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
        Trail trail = new Trail(ruleSet);
        SessionPool sessions = ruleSet.derived(SessionPool.class, rules -> new SessionPool(rules.kieBase()));
        KieSession session = null;
        boolean clean = false;
        Deadline.open(ruleSet.evaluationDeadline());
        try {
            session = sessions.take();
            session.addEventListener((org.kie.api.event.rule.AgendaEventListener) trail);
            session.addEventListener(trail.insertions);
            for (Object fact : facts) {
                session.insert(fact);
            }
            int fired = session.fireAllRules(allowed, firingLimit);
            if (fired >= firingLimit && hasPendingWork(session, trail, allowed)) {
                String rule = mostFrequentRule(trail.firings);
                throw new RuleEvaluationException(rule, "evaluation stopped at the firing limit of " + firingLimit
                        + " firings; rule '" + rule + "' keeps firing (a rule loop?)", null);
            }
            if (Deadline.expired()) {
                throw new DeadlineExceeded(ruleSet.evaluationDeadline().toMillis());
            }
            clean = true;
            return new RuleOutcome(List.copyOf(trail.firings), List.copyOf(trail.insertions.conclusions),
                    List.copyOf(trail.cancelled));
        } catch (RuleEvaluationException e) {
            throw e;
        } catch (Throwable e) {
            throw failure(ruleSet, trail, e);
        } finally {
            Deadline.close();
            if (session != null && clean) {
                sessions.giveBack(session);
            } else if (session != null) {
                sessions.discard(session);
            }
        }
    }

    private static RuleEvaluationException failure(CompiledRuleSet ruleSet, Trail trail, Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        Throwable cause = e;
        DeadlineExceeded deadline = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DeadlineExceeded d) {
                deadline = d;
            }
        }
        java.util.Optional<RuleSources.Element> where = ruleSet.runtime().code.owner(root.getStackTrace(), false);
        String rule = ruleSet.runtime().code.owner(root.getStackTrace(), true).map(RuleSources.Element::name)
                .orElse(trail.current != null ? trail.current : "(unknown)");
        String in = where.filter(w -> !w.name().equals(rule)).map(w -> " (in " + w.label() + ", " + w.file() + " line "
                + w.line() + ")").orElse("");
        if (deadline != null) {
            return new RuleDeadlineException(rule, "rule '" + rule + "'" + in + " did not finish within the evaluation deadline of "
                    + ruleSet.evaluationDeadline().toMillis() + " ms and was stopped (a loop or deep recursion?)", null);
        }
        if (e instanceof Error && !(e instanceof StackOverflowError) && !(e instanceof OutOfMemoryError)
                && !(e instanceof LinkageError)) {
            // keep the message short and the Error out of the caller's hands
            cause = null;
        }
        return new RuleEvaluationException(rule, "rule '" + rule + "'" + in + " failed: " + describe(root), cause instanceof Error ? null : cause);
    }

    private static String describe(Throwable root) {
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
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

    private static List<MatchedFact> snapshot(Match match) {
        List<Object> objects = match.getObjects();
        Object[] kept = new Object[objects.size()];
        int n = 0;
        for (Object o : objects) {
            if (!(o instanceof InitialFact)) {
                kept[n++] = o;
            }
        }
        return FactSnapshot.lazily(n == kept.length ? kept : java.util.Arrays.copyOf(kept, n));
    }

    /** Listens to one session and keeps its trail. */
    private static final class Trail extends DefaultAgendaEventListener {
        private final Function<String, String> fileOf;
        private final List<Firing> firings = new ArrayList<>();
        private final List<CancelledMatch> cancelled = new ArrayList<>();
        private final Insertions insertions;
        private String current;

        Trail(CompiledRuleSet ruleSet) {
            Map<String, String> files = ruleSet.runtime().fileByRule;
            this.fileOf = name -> files.getOrDefault(name, "(unknown)");
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
            current = null;
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

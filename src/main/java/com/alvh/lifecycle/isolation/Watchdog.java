package com.alvh.lifecycle.isolation;

import java.util.List;
import java.util.function.Consumer;

import com.alvh.engine.RuleError;
import com.alvh.engine.RuleInfo;
import com.alvh.engine.RuleLocator;

/**
 * Stops a candidate process at its deadline and says where it was: the rule whose generated code the worker
 * thread is running (found in its stack), with the file and line of that rule, or else the phase (compile, the
 * gate, an evaluation). A busy loop ignores interrupts, so the watchdog answers and ends the process instead;
 * the service's wall-time kill is the backstop if even that fails.
 */
final class Watchdog {

    private final Thread worker;
    private final IsolatedJob job;
    private volatile List<RuleInfo> rules = List.of();
    private volatile String phase = "compiling";
    /** Worker CPU time when rule code started running; -1 while it has not (compiling is not the rule set's budget). */
    private volatile long runningSince = -1;

    private Watchdog(Thread worker, IsolatedJob job) {
        this.worker = worker;
        this.job = job;
    }

    static Watchdog start(Thread worker, IsolatedJob job, Consumer<List<RuleError>> stop) {
        Watchdog dog = new Watchdog(worker, job);
        Thread t = new Thread(() -> {
            long wallEnd = System.nanoTime() + Math.max(job.deadlineMillis(), 100) * 1_000_000L;
            try {
                while (System.nanoTime() < wallEnd && !dog.overBudget()) {
                    Thread.sleep(50);
                }
            } catch (InterruptedException e) {
                return;
            }
            stop.accept(List.of(dog.where()));
        }, "candidate-watchdog");
        t.setDaemon(true);
        t.start();
        return dog;
    }

    void rules(List<RuleInfo> compiled) {
        this.rules = compiled;
    }

    /**
     * Enters a phase that runs rule code (the gate, one evaluation); each phase has the whole CPU budget, so the
     * budget bounds one run of the rules, like the engine's own deadline, however many evaluations a job holds.
     */
    void phase(String now) {
        this.phase = now;
        runningSince = cpu();
    }

    private boolean overBudget() {
        long since = runningSince;
        return since >= 0 && job.ruleCpuMillis() > 0 && cpu() - since > job.ruleCpuMillis() * 1_000_000L;
    }

    /** CPU time of the worker thread: unlike wall time it does not grow with the host's load. */
    private long cpu() {
        long t = java.lang.management.ManagementFactory.getThreadMXBean().getThreadCpuTime(worker.getId());
        return Math.max(t, 0);
    }

    private RuleError where() {
        String limit = overBudget() ? job.ruleCpuMillis() + " ms of CPU time" : job.deadlineMillis() + " ms";
        String message = "was stopped after " + limit + " while " + phase + " (a loop or runaway recursion?)";
        return RuleLocator.locate(worker.getStackTrace(), rules, job.files(), message)
                .orElse(new RuleError("(rule set)", 1, 1, "the candidate " + message));
    }
}

package com.alvh.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: the paths of {@link BenchPaths} (bare session, full path, full path with the trail read), one thread.
 * Run: {@code ./mvnw -Pbench test-compile exec:exec} (see docs/benchmarks.md). The forked JVM sets
 * java.util.logging.manager to org.jboss.logmanager.LogManager and {@link ServiceLogging} applies the service's log
 * levels, so Drools logs as cheaply as in the service (and the run stops if its DEBUG is on).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-Xmx512m"})
@Threads(1)
public class EngineBenchmark {

    private BenchPaths paths;

    @Setup
    public void setUp() throws Exception {
        ServiceLogging.configure();
        paths = new BenchPaths();
    }

    @Benchmark
    public int bareSession() {
        return paths.bareSession();
    }

    @Benchmark
    public int trailSession() {
        return paths.trailSession();
    }

    @Benchmark
    public int derive() {
        return paths.derive();
    }

    @Benchmark
    public Object fullPath() {
        return paths.fullPath().answer();
    }

    @Benchmark
    public int fullPathRendered() {
        return paths.fullPathRendered();
    }
}

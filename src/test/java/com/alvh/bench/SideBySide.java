package com.alvh.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The paths of {@link BenchPaths} interleaved in one JVM, timed by the CPU time of the measuring thread as well as
 * by the wall clock. On a machine shared with other work, the wall-clock rate mostly says how much CPU the thread
 * got; ops per CPU-second, taken in short alternating slices, is what the code costs, and the ratio of two paths
 * measured slice by slice is fair to both. With {@code --before <classes dir>} the same paths also run on another
 * build's main classes (loaded child-first beside this one: e.g. main's {@code target/classes}), so before and after
 * are compared in the same run.
 * <p>
 * Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=com.alvh.bench.SideBySide -Djmh.args="--rounds 10"};
 * {@code --paths bareSession,fullPath} limits the paths, {@code --slice-ms} sets the length of one slice (500).
 */
public final class SideBySide {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private SideBySide() {
    }

    public static void main(String[] args) throws Exception {
        ServiceLogging.configure();
        int rounds = 10;
        long sliceMillis = 500;
        List<String> only = List.of();
        Map<String, Map<String, IntSupplier>> builds = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--slice-ms" -> sliceMillis = Long.parseLong(args[++i]);
                case "--before" -> builds.put("before", load(Path.of(args[++i])));
                case "--paths" -> only = List.of(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        builds.put("after", new BenchPaths().get());
        if (!only.isEmpty()) {
            for (Map<String, IntSupplier> paths : builds.values()) {
                paths.keySet().retainAll(only);
            }
        }
        System.out.printf("load average at start: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        for (int round = -2; round < rounds; round++) {   // two warm-up rounds
            for (var build : builds.entrySet()) {
                for (var path : build.getValue().entrySet()) {
                    double[] rate = slice(path.getValue(), sliceMillis);
                    if (round >= 0) {
                        results.computeIfAbsent(build.getKey() + " " + path.getKey(), k -> new ArrayList<>()).add(rate);
                    }
                }
            }
        }
        System.out.printf("load average at end: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("%-28s %16s %18s %12s%n", "path (medians)", "ops/thread-CPU-s", "ops/process-CPU-s", "ops/wall-s");
        results.forEach((name, rates) -> System.out.printf("%-28s %16.0f %18.0f %12.0f%n", name, median(rates, 0),
                median(rates, 2), median(rates, 1)));
        for (String build : builds.keySet()) {
            List<double[]> bare = results.get(build + " bareSession");
            for (String path : List.of("fullPath", "fullPathRendered")) {
                List<double[]> full = results.get(build + " " + path);
                if (bare == null || full == null) {
                    continue;
                }
                for (int column : new int[] {0, 2}) {
                    double[] ratios = new double[bare.size()];
                    for (int r = 0; r < ratios.length; r++) {
                        ratios[r] = bare.get(r)[column] / full.get(r)[column];
                    }
                    System.out.printf("%s: bareSession / %s per round (%s CPU time): median %.2f, range %.2f-%.2f%n", build,
                            path, column == 0 ? "thread" : "process", median(ratios), Arrays.stream(ratios).min().orElse(0),
                            Arrays.stream(ratios).max().orElse(0));
                }
            }
        }
    }

    /**
     * Runs {@code path} for about {@code millis} of wall time: {ops per CPU-second of this thread, ops per
     * wall-second, ops per CPU-second of the whole process}. The process figure also charges the garbage collector
     * (and whatever the JIT compiler still does), which the thread's own CPU time leaves out.
     */
    private static double[] slice(IntSupplier path, long millis) {
        long sink = 0;
        long ops = 0;
        long wall0 = System.nanoTime();
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long process0 = PROCESS.getProcessCpuTime();
        long end = wall0 + millis * 1_000_000L;
        do {
            for (int i = 0; i < 30; i++) {
                sink += path.getAsInt();
            }
            ops += 30;
        } while (System.nanoTime() < end);
        double cpu = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9;
        double wall = (System.nanoTime() - wall0) / 1e9;
        double process = (PROCESS.getProcessCpuTime() - process0) / 1e9;
        if (sink == 42) {
            System.out.print("");
        }
        return new double[] {ops / cpu, ops / wall, ops / process};
    }

    private static double median(List<double[]> rates, int column) {
        return median(rates.stream().mapToDouble(r -> r[column]).toArray());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, IntSupplier> load(Path mainClasses) throws Exception {
        return ((Supplier<Map<String, IntSupplier>>) loadPaths(mainClasses)).get();
    }

    /** A {@link BenchPaths} on another build's main classes, with this build's benchmark classes. */
    static Object loadPaths(Path mainClasses) throws Exception {
        URL benchClasses = SideBySide.class.getProtectionDomain().getCodeSource().getLocation();
        ClassLoader loader = new ChildFirst(new URL[] {mainClasses.toUri().toURL(), benchClasses},
                SideBySide.class.getClassLoader());
        return Class.forName(BenchPaths.class.getName(), true, loader).getConstructor().newInstance();
    }

    /** Loads the project's own classes (com.alvh) from its URLs first, everything else from the parent. */
    private static final class ChildFirst extends URLClassLoader {
        ChildFirst(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("com.alvh.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = findClass(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        @Override
        public URL getResource(String name) {
            URL own = name.startsWith("com/alvh/") ? findResource(name) : null;
            return own != null ? own : super.getResource(name);
        }
    }
}

package com.alvh.lifecycle.isolation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import com.alvh.config.AlvhConfig;

/**
 * Builds the command line of a candidate process from the layers this host offers, probed once:
 * <ul>
 * <li>{@code prlimit}: CPU seconds, largest file, no core dumps;</li>
 * <li>{@code unshare -rnm} + {@code setpriv}: an empty network namespace (not even loopback is up), every mount
 * re-mounted read-only except the scratch directory, then all capabilities dropped so the process cannot undo it;</li>
 * <li>the JVM: heap, one processor, tmpdir and working directory in scratch, {@link ChildGuard}.</li>
 * </ul>
 * Where a layer is missing the next one still holds, and {@link #describe()} says which are on.
 */
final class SandboxCommand {

    private static final Logger LOG = Logger.getLogger(SandboxCommand.class);
    private static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    /**
     * Run by sh inside the new namespaces, $0 being the scratch directory: keep scratch writable, make every other
     * mount read-only, drop every capability (so nothing can be re-mounted), then become the JVM.
     */
    static final String CONFINE = """
            mount --bind "$0" "$0" || exit 97
            while read -r id parent dev root target rest; do
              [ "$target" = "$0" ] || mount -o remount,bind,ro "$target" 2>/dev/null
            done < /proc/self/mountinfo
            exec setpriv --bounding-set=-all --inh-caps=-all --no-new-privs -- "$@"
            """;

    private final AlvhConfig.Isolation config;
    private final String classPath;
    private final boolean prlimit;
    private final boolean namespaces;

    SandboxCommand(AlvhConfig.Isolation config) {
        this.config = config;
        this.classPath = ChildClassPath.resolve(config.classPath());
        this.prlimit = works(List.of("prlimit", "--cpu=5", "--", "true"));
        this.namespaces = config.osSandbox() && probeNamespaces();
        LOG.infof("Candidate processes: %s", describe());
    }

    /** Which confinement layers are on. */
    String describe() {
        return (namespaces ? "OS sandbox (unshare: no network, read-only file system except scratch, no capabilities)"
                : "no OS sandbox (unshare unavailable or switched off): JVM guard for network, processes and files")
                + (prlimit ? ", prlimit CPU " + config.cpuSeconds() + " s" : ", no prlimit: wall time " + config.wallTime() + " only")
                + ", heap " + config.memory() + ", wall time " + config.wallTime();
    }

    boolean namespaces() {
        return namespaces;
    }

    List<String> command(Path scratch) {
        List<String> command = new ArrayList<>();
        if (prlimit) {
            command.addAll(List.of("prlimit", "--cpu=" + config.cpuSeconds(), "--fsize=" + MAX_FILE_BYTES, "--core=0", "--"));
        }
        if (namespaces) {
            command.addAll(List.of("unshare", "-rnm", "--propagation", "private", "sh", "-c", CONFINE, scratch.toString()));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx" + config.memory(), "-Xss1m", "-XX:ActiveProcessorCount=1", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xshare:auto", "-XX:MaxJavaStackTraceDepth=65536",
                "-Djava.io.tmpdir=" + scratch, "-Duser.home=" + scratch, "-Duser.dir=" + scratch,
                "-Djava.security.manager=allow", "-Dfile.encoding=UTF-8", "-cp", classPath,
                CandidateProcess.class.getName()));
        return command;
    }

    private static boolean probeNamespaces() {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("alvh-sandbox-probe");
            return works(List.of("unshare", "-rnm", "--propagation", "private", "sh", "-c", CONFINE, scratch.toString(),
                    "sh", "-c", "touch \"$0/ok\" && ! touch /etc/.alvh-probe 2>/dev/null", scratch.toString()))
                    && Files.exists(scratch.resolve("ok"));
        } catch (java.io.IOException e) {
            return false;
        } finally {
            Scratch.delete(scratch);
        }
    }

    private static boolean works(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

package com.alvh.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file-system notices that tell the watcher to look: for each watched root, and below it, new directories too. */
class DirectoryEventsTest {

    // a wait for a notice, not a timing assertion: inotify answers in milliseconds, a loaded machine may take seconds
    private static final long WAIT_SECONDS = 30;

    @TempDir
    Path tmp;

    @Test
    void aChangeBelowARootIsReportedWithThatRoot() throws Exception {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Path strategies = Files.createDirectories(tmp.resolve("strategies"));
        BlockingQueue<Path> changed = new LinkedBlockingQueue<>();
        try (DirectoryEvents events = DirectoryEvents.watch(List.of(rules, strategies), changed::add).orElseThrow()) {
            Files.writeString(strategies.resolve("balanced.yaml"), "name: balanced\n");
            assertEquals(strategies.toAbsolutePath().normalize(), changed.poll(WAIT_SECONDS, TimeUnit.SECONDS));

            Files.writeString(rules.resolve("signals.drl"), "package alvh.rules;\n");
            assertTrue(awaitNotice(changed, rules), "no notice for " + rules);
        }
    }

    @Test
    void aDirectoryCreatedLaterIsWatchedToo() throws Exception {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        BlockingQueue<Path> changed = new LinkedBlockingQueue<>();
        try (DirectoryEvents events = DirectoryEvents.watch(List.of(rules), changed::add).orElseThrow()) {
            Path scenarios = Files.createDirectories(rules.resolve("scenarios"));
            assertEquals(rules.toAbsolutePath().normalize(), changed.poll(WAIT_SECONDS, TimeUnit.SECONDS));
            // the new directory is registered before its creation is reported, so a file written now is noticed
            drain(changed);
            Files.writeString(scenarios.resolve("calm.json"), "{}");
            assertEquals(rules.toAbsolutePath().normalize(), changed.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        }
    }

    @Test
    void aRootThatDoesNotExistIsLeftToPolling() throws Exception {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        BlockingQueue<Path> changed = new LinkedBlockingQueue<>();
        try (DirectoryEvents events = DirectoryEvents.watch(List.of(tmp.resolve("missing"), rules), changed::add)
                .orElseThrow()) {
            Files.writeString(rules.resolve("a.drl"), "package alvh.rules;\n");
            assertEquals(rules.toAbsolutePath().normalize(), changed.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        }
    }

    /** Waits for a notice naming {@code root}; notices of the other root (a late second notice) are skipped. */
    private static boolean awaitNotice(BlockingQueue<Path> queue, Path root) throws InterruptedException {
        Path expected = root.toAbsolutePath().normalize();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        for (Path p; (p = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) != null; ) {
            if (p.equals(expected)) {
                return true;
            }
        }
        return false;
    }

    private static void drain(BlockingQueue<Path> queue) throws InterruptedException {
        // notices of one change may come as several (create, then modify): let them arrive, then forget them
        Thread.sleep(200);
        queue.clear();
    }
}

package com.alvh.lifecycle;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

/**
 * Says at once that something changed below one of a few directories, from the file system's own notices (inotify on
 * Linux) through a {@link WatchService}. Only a hint that it is worth looking: what changed is still read from disk
 * and hashed by the caller. Some file systems send no notices (network mounts, some container volumes) and a burst can
 * overflow the queue (passed on as a change too), so the caller keeps polling as well. Directories created later below
 * a watched one are watched from then on.
 */
final class DirectoryEvents implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DirectoryEvents.class);

    private final WatchService service;
    /** Each registered directory's key, with the watched root it belongs to. */
    private final Map<WatchKey, Watched> keys = new ConcurrentHashMap<>();
    private final Consumer<Path> onChange;
    private final Thread thread;

    private record Watched(Path root, Path dir) {
    }

    private DirectoryEvents(WatchService service, Consumer<Path> onChange) {
        this.service = service;
        this.onChange = onChange;
        this.thread = new Thread(this::run, "alvh-source-events");
        this.thread.setDaemon(true);
    }

    /**
     * Watches {@code roots} (each with the directories below it) and calls {@code onChange} with the root whenever
     * something below it changes, on a thread of its own. Empty when the file system offers no watch service; a root
     * that does not exist yet is left to polling.
     */
    static Optional<DirectoryEvents> watch(List<Path> roots, Consumer<Path> onChange) {
        WatchService service;
        try {
            service = FileSystems.getDefault().newWatchService();
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warnf("No file-system change notices (%s): the rules and strategies directories are only polled", e);
            return Optional.empty();
        }
        DirectoryEvents events = new DirectoryEvents(service, onChange);
        for (Path root : roots) {
            events.registerTree(root.toAbsolutePath().normalize(), root.toAbsolutePath().normalize());
        }
        events.thread.start();
        return Optional.of(events);
    }

    private void registerTree(Path root, Path top) {
        if (!Files.isDirectory(top)) {
            return;
        }
        try (Stream<Path> dirs = Files.walk(top)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
                keys.put(key, new Watched(root, dir));
            }
        } catch (IOException | RuntimeException e) {
            // a directory removed while registering, or no more inotify watches: polling still sees its files
            LOG.debugf("Could not watch everything below %s: %s", top, e);
        }
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = service.take();
                Watched watched = keys.get(key);
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (watched != null && event.kind() == StandardWatchEventKinds.ENTRY_CREATE
                            && event.context() instanceof Path name) {
                        registerTree(watched.root(), watched.dir().resolve(name));
                    }
                }
                if (!key.reset()) {
                    keys.remove(key);
                }
                if (watched != null) {
                    onChange.accept(watched.root());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // closed at shutdown
        } catch (RuntimeException e) {
            LOG.warn("File-system change notices stopped; changes are still found by polling", e);
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            LOG.debug("Closing the watch service failed", e);
        }
    }
}

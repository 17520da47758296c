package io.gantry.core.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Notices containers ending, whichever engine started their monitors: one thread waits on inotify (Java's
 * {@link WatchService}) for the monitor's {@code exit} file to be renamed into place, and checks every
 * {@link #LIVENESS_PERIOD_MS} that each monitor still lives, for a monitor killed before it could write the file.
 * A container is reported once per {@link #watch}.
 */
final class ExitWatcher implements AutoCloseable {

    static final long LIVENESS_PERIOD_MS = 250;
    static final String EXIT_FILE = "exit";

    private record Watched(String id, Path dir, long monitorPid, long monitorStartTime, WatchKey key) {
    }

    private final WatchService inotify;
    private final Consumer<String> onExit;
    private final Map<String, Watched> watched = new ConcurrentHashMap<>();
    private final Thread thread;

    ExitWatcher(Consumer<String> onExit) {
        try {
            this.inotify = FileSystems.getDefault().newWatchService();
        } catch (IOException e) {
            throw new UncheckedIOException("inotify for container exits", e);
        }
        this.onExit = onExit;
        this.thread = new Thread(this::loop, "gantry-exit-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts watching the container whose state directory is {@code dir}; reports at once if it has ended. */
    void watch(String id, Path dir, long monitorPid, long monitorStartTime) {
        WatchKey key;
        try {
            key = dir.register(inotify, StandardWatchEventKinds.ENTRY_CREATE);
        } catch (IOException e) {
            throw new UncheckedIOException("watch " + dir, e);
        }
        watched.put(id, new Watched(id, dir, monitorPid, monitorStartTime, key));
        if (ended(watched.get(id))) {
            report(id);
        }
    }

    /** Stops watching {@code id} without reporting it. */
    void unwatch(String id) {
        Watched w = watched.remove(id);
        if (w != null) {
            w.key().cancel();
        }
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            inotify.close();
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (IOException e) {
            // closing inotify cannot fail in a way worth reporting
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        long nextCheck = System.nanoTime();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                WatchKey key = inotify.poll(LIVENESS_PERIOD_MS, TimeUnit.MILLISECONDS);
                if (key != null) {
                    handle(key);
                }
                if (System.nanoTime() - nextCheck >= 0) {
                    watched.values().stream().filter(this::ended).map(Watched::id).toList().forEach(this::report);
                    nextCheck = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LIVENESS_PERIOD_MS);
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (RuntimeException e) {
                // a listener failure must not stop the watching of every other container
                System.getLogger(ExitWatcher.class.getName()).log(System.Logger.Level.WARNING, "container exit handling", e);
            }
        }
    }

    private void handle(WatchKey key) {
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.context() instanceof Path p && p.toString().equals(EXIT_FILE)) {
                watched.values().stream().filter(w -> w.key().equals(key)).map(Watched::id).toList()
                        .forEach(this::report);
            }
        }
        key.reset();
    }

    private boolean ended(Watched w) {
        return Files.exists(w.dir().resolve(EXIT_FILE)) || !HostFacts.alive(w.monitorPid(), w.monitorStartTime());
    }

    private void report(String id) {
        Watched w = watched.remove(id);
        if (w != null) {
            w.key().cancel();
            onExit.accept(id);
        }
    }
}

package io.gantry.core.container;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * What waits on containers going away: the exit codes of recently removed containers (for a client waiting on their
 * removal, Docker's {@code wait=removed}), the attach holds that keep an exited {@code --rm} container until its
 * client has read the last output, and one monitor that removals and released holds notify, so waiters wake at once
 * instead of polling.
 */
final class Removals {

    private static final int REMEMBERED_EXITS = 1000;

    private final Map<String, Integer> exits = new LinkedHashMap<>();
    private final Map<String, AtomicInteger> holds = new ConcurrentHashMap<>();
    private final Object changes = new Object();

    void recordExit(String id, int exitCode) {
        synchronized (exits) {
            if (exits.size() >= REMEMBERED_EXITS) {
                exits.remove(exits.keySet().iterator().next());
            }
            exits.put(id, exitCode);
        }
    }

    Optional<Integer> exitOf(String id) {
        synchronized (exits) {
            return Optional.ofNullable(exits.get(id));
        }
    }

    ContainerService.Hold hold(String id) {
        holds.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        return () -> {
            holds.computeIfPresent(id, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
            signal();
        };
    }

    boolean held(String id) {
        return holds.containsKey(id);
    }

    /** Waits for {@code condition}, woken by {@link #signal()}; false when {@code timeout} passed first. */
    boolean awaitUntil(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changes) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(changes, left);
            }
        }
        return true;
    }

    /** A container was removed or an attach ended: waiters look again. */
    void signal() {
        synchronized (changes) {
            changes.notifyAll();
        }
    }
}

package io.gantry.console.app;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One change at a time per application: a deployment, an edit, a recreation or a removal works on the engine for a
 * while, and a second one started meanwhile (another browser tab, the REST API) would plan from a state that is
 * about to change. It is refused rather than queued, so that nobody waits without knowing why.
 */
final class ApplicationLocks {

    private final ConcurrentHashMap<Long, String> busy = new ConcurrentHashMap<>();

    /**
     * @param what what the work does, for the refusal of a second one: {@code editing}
     * @throws ApplicationBusyException when other work on the application has not finished
     */
    <T> T exclusively(Application app, String what, Supplier<T> work) {
        String running = busy.putIfAbsent(app.id(), what);
        if (running != null) {
            throw new ApplicationBusyException("Application '" + app.name() + "' is busy " + running
                    + "; try again when that is done.");
        }
        try {
            return work.get();
        } finally {
            busy.remove(app.id());
        }
    }

    boolean isBusy(long application) {
        return busy.containsKey(application);
    }

    void exclusively(Application app, String what, Runnable work) {
        exclusively(app, what, () -> {
            work.run();
            return null;
        });
    }
}

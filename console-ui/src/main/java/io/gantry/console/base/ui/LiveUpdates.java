package io.gantry.console.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import io.gantry.console.events.EngineEvents;
import io.gantry.console.events.EngineChange;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * Refreshes a part of a page when the engine reports a change that concerns it, while that part is shown. A burst
 * of events (a deployment starts several containers) costs one refresh at a time: while one is queued, further
 * events join it. After a gap in the engine's events (a restart) the part is refreshed too. The refresh runs in the UI
 * and reaches the browser by push.
 */
public final class LiveUpdates {

    private LiveUpdates() {
    }

    /** While {@code component} is attached, runs {@code refresh} after each relevant engine event. */
    public static void refreshOn(Component component, EngineEvents events, Predicate<EngineChange> relevant,
                                 Runnable refresh) {
        component.addAttachListener(attach -> {
            UI ui = attach.getUI();
            AtomicBoolean queued = new AtomicBoolean();
            Runnable refreshOnce = () -> {
                if (queued.compareAndSet(false, true)) {
                    access(ui, () -> {
                        queued.set(false);
                        refresh.run();
                    });
                }
            };
            EngineEvents.Listening listening = events.listen(new EngineEvents.Listener() {
                @Override
                public void changed(EngineChange event) {
                    if (relevant.test(event)) {
                        refreshOnce.run();
                    }
                }

                @Override
                public void reopened() {
                    refreshOnce.run(); // events of the gap (an engine restart) are lost: read everything afresh
                }
            });
            component.addDetachListener(detach -> {
                listening.close();
                detach.unregisterListener();
            });
        });
    }

    /**
     * Hands a change to the page from a stream's own thread; a page that went away meanwhile is left alone (its detach
     * closes the stream).
     */
    public static void access(UI ui, Runnable change) {
        try {
            ui.access(change::run);
        } catch (UIDetachedException closed) {
            // the page is gone
        }
    }

    /** Container events (create, start, die, destroy, rename, …): what changes a service's status. */
    public static boolean isContainerEvent(EngineChange event) {
        return event.isContainer();
    }
}

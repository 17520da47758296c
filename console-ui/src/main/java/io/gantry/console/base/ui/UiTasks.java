package io.gantry.console.base.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Runs long operations (pulls, creates that pull, bulk actions) off the UI thread; what the task hands to
 * {@code ui.access} reaches the browser by server push (the UI polls only where push is off). A failure reaches the
 * session's error handler (GantryErrorHandler) like any other.
 */
@Component
public class UiTasks {

    private static final int POLL_MS = 400;
    private static final String POLLERS = "gantry-pollers";

    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "gantry-ui-task-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /**
     * Runs {@code task} in the background; it updates the page only through {@code ui.access}. {@code onFailure} runs
     * in the UI with the error, after which the error is reported as usual.
     */
    public void run(UI ui, Runnable task, Consumer<RuntimeException> onFailure) {
        keepPolling(ui, +1);
        // the task acts for the signed-in user (the activity log names them), as if on the request's thread
        SecurityContext user = SecurityContextHolder.getContext();
        executor.execute(() -> {
            SecurityContextHolder.setContext(user);
            try {
                task.run();
            } catch (RuntimeException e) {
                ui.access(() -> {
                    onFailure.accept(e);
                    ui.getSession().getErrorHandler().error(new ErrorEvent(e));
                });
            } finally {
                SecurityContextHolder.clearContext();
                ui.access(() -> keepPolling(ui, -1));
            }
        });
    }

    /** Counts what the page waits for (tasks, followed logs) and, without push, polls while it is more than zero. */
    public static void keepPolling(UI ui, int delta) {
        if (ui.getPushConfiguration().getPushMode().isEnabled()) {
            return;
        }
        Object before = ComponentUtil.getData(ui, POLLERS);
        int now = Math.max(0, (before instanceof Integer n ? n : 0) + delta);
        ComponentUtil.setData(ui, POLLERS, now);
        ui.setPollInterval(now > 0 ? POLL_MS : -1);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}

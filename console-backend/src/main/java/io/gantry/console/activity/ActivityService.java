package io.gantry.console.activity;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The activity log's one service. Features record what users do through {@link #recordAction}; the REST API records
 * its own callers with {@link #record}; engine events arrive through {@link EngineEventRecorder}. Entries older than
 * {@code gantry.activity.retention} (a duration such as {@code 30d} or {@code 12h}) are purged every hour.
 */
@Service
public class ActivityService {

    private static final Logger log = LoggerFactory.getLogger(ActivityService.class);

    private final ActivityRepository repository;
    private final Clock clock;
    private final ObjectProvider<CurrentActor> currentActor;
    private final Duration retention;

    ActivityService(ActivityRepository repository, Clock clock, ObjectProvider<CurrentActor> currentActor,
            @Value("${gantry.activity.retention:30d}") Duration retention) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("gantry.activity.retention must be positive, not " + retention);
        }
        this.repository = repository;
        this.clock = clock;
        this.currentActor = currentActor;
        this.retention = retention;
    }

    /** Records an action of {@code actor}: the entry point for the REST API, which knows its caller. */
    public void record(Actor actor, String action, String target, boolean failed, String detail) {
        try {
            repository.insert(clock.instant(), actor, action, target, failed, detail);
        } catch (RuntimeException e) {
            // the log must never be the reason an action fails
            log.warn("could not record {} {} by {}: {}", action, target, actor.name(), e.getMessage());
        }
    }

    /** Who acts on this thread: the signed-in user of the UI or the API, else the system. */
    public Actor currentActor() {
        CurrentActor current = currentActor.getIfAvailable();
        return current == null ? Actor.SYSTEM : current.get();
    }

    /**
     * Runs {@code work} for the current actor and records it, as done or as failed with the error's message (the error
     * is then thrown on as it was).
     */
    public <T> T recordAction(String action, String target, String detail, Supplier<T> work) {
        Actor actor = currentActor();
        try {
            T result = work.get();
            record(actor, action, target, false, detail);
            return result;
        } catch (RuntimeException e) {
            record(actor, action, target, true, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            throw e;
        }
    }

    /** As {@link #recordAction(String, String, String, Supplier)} for work without a result. */
    public void recordAction(String action, String target, String detail, Runnable work) {
        recordAction(action, target, detail, () -> {
            work.run();
            return null;
        });
    }

    /** Entries matching {@code filter}, newest first, from {@code offset} on, at most {@code limit}. */
    public List<ActivityEntry> find(ActivityFilter filter, int offset, int limit) {
        return repository.find(filter, offset, limit);
    }

    public int count(ActivityFilter filter) {
        return repository.count(filter);
    }

    public Duration retention() {
        return retention;
    }

    /** Deletes what is older than the retention period; how many entries went. */
    @Scheduled(initialDelay = 60_000, fixedDelay = 3_600_000)
    public int purge() {
        int removed = repository.deleteBefore(clock.instant().minus(retention));
        if (removed > 0) {
            log.info("activity log: {} entries older than {} removed", removed, retention);
        }
        return removed;
    }
}

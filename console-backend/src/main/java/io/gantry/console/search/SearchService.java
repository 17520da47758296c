package io.gantry.console.search;

import io.gantry.console.errors.ConsoleException;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * One query over every source at once. Each source runs on its own thread and gets the same deadline; a source that
 * fails or misses it is reported on its own line and the others' hits are kept.
 */
@Service
public class SearchService {

    static final int LIMIT = 40;

    private final List<SearchSource> fixed;
    private final List<SearchSources> dynamic;
    private final Duration timeout;
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "gantry-search-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    SearchService(List<SearchSource> fixed, List<SearchSources> dynamic,
                  @Value("${gantry.search.timeout:5s}") Duration timeout) {
        this.fixed = List.copyOf(fixed);
        this.dynamic = List.copyOf(dynamic);
        this.timeout = timeout;
    }

    /** Every source's hits for the query, grouped, with a failure line for each source that did not answer. */
    public SearchResults search(String query) {
        String q = query.strip();
        Map<SearchSource, CompletableFuture<List<SearchHit>>> running = new LinkedHashMap<>();
        for (SearchSource source : sources()) {
            running.put(source, CompletableFuture.supplyAsync(() -> source.search(q, LIMIT), executor));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<SearchHit.TemplateHit> templates = new ArrayList<>();
        List<SearchHit.ImageHit> local = new ArrayList<>();
        List<SearchHit.ImageHit> registry = new ArrayList<>();
        List<SourceFailure> failures = new ArrayList<>();
        running.forEach((source, future) -> {
            try {
                for (SearchHit hit : future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    if (hit instanceof SearchHit.TemplateHit t) {
                        templates.add(t);
                    } else if (hit instanceof SearchHit.ImageHit i) {
                        (source.group() == SearchGroup.LOCAL_IMAGES ? local : registry).add(i);
                    }
                }
            } catch (TimeoutException e) {
                future.cancel(true);
                failures.add(new SourceFailure(source.name(), source.name() + " did not answer within "
                        + timeout.toSeconds() + " s."));
            } catch (ExecutionException | CancellationException e) {
                failures.add(new SourceFailure(source.name(), reason(source.name(), e.getCause() == null ? e : e.getCause())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add(new SourceFailure(source.name(), "The search was interrupted."));
            }
        });
        return new SearchResults(q, templates, local, registry, failures);
    }

    /**
     * The tags of an image hit, read from the source that found it.
     *
     * @throws SearchFailedException when that source is gone or cannot list them, with its reason
     */
    public List<String> tags(SearchHit.ImageHit hit) {
        if (!hit.tags().isEmpty()) {
            return hit.tags();
        }
        TagLister lister = sources().stream().filter(s -> s.name().equals(hit.source()))
                .filter(TagLister.class::isInstance).map(TagLister.class::cast).findFirst()
                .orElseThrow(() -> new SearchFailedException("The source " + hit.source()
                        + " is no longer searched; search again."));
        try {
            return lister.tags(hit.repository());
        } catch (RuntimeException e) {
            throw new SearchFailedException("Tags of " + hit.repository() + ": " + reason(hit.source(), e), e);
        }
    }

    /** The names of the sources a query asks now, as hits and failures name them. */
    public List<String> sourceNames() {
        return sources().stream().map(SearchSource::name).toList();
    }

    /** The source by name, as listed for a query now. */
    Optional<SearchSource> source(String name) {
        return sources().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private List<SearchSource> sources() {
        List<SearchSource> all = new ArrayList<>(fixed);
        dynamic.forEach(d -> all.addAll(d.current()));
        return all;
    }

    private static String reason(String source, Throwable error) {
        if (error instanceof ConsoleException && error.getMessage() != null) {
            return error.getMessage();
        }
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return source + " cannot be searched: " + message;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}

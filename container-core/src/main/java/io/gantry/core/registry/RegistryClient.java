package io.gantry.core.registry;

import io.gantry.core.content.ContentReader;
import io.gantry.core.content.ContentStore;
import io.gantry.core.content.ContentWriter;
import io.gantry.core.content.Descriptor;
import io.gantry.core.image.ImageReference;
import io.gantry.core.image.oci.Platform;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The registry facade. Stateless apart from caches of tokens, so the console can share one instance for catalogs and
 * tag lists; credentials come with each call and are never stored. Failures are {@link RegistryException}s naming the
 * operation and the object.
 */
public final class RegistryClient {

    private final RegistryHttp http;
    private final ManifestFetch manifests;
    private final BlobFetch blobs;
    private final BlobPush blobPush;
    private final ManifestPush manifestPush;
    private final RepositoryListing listing;
    private final IndexSearch search;

    public RegistryClient(RegistrySettings settings) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER) // followed by RegistryHttp, which drops Authorization across hosts
                .connectTimeout(Duration.ofSeconds(15))
                .sslContext(RegistryTrust.context(settings.certsDir()))
                .build();
        this.http = new RegistryHttp(client, settings);
        this.manifests = new ManifestFetch(http);
        this.blobs = new BlobFetch(http, settings.maxAttempts());
        this.blobPush = new BlobPush(http);
        this.manifestPush = new ManifestPush(http);
        this.listing = new RepositoryListing(http);
        this.search = new IndexSearch(http, settings);
    }

    /** {@code GET /v2/}: true when the registry answers as a v2 registry (200, or 401 asking for credentials). */
    public boolean ping(String registry) {
        var call = RegistryHttp.Call.get(http.base(registry), Map.of());
        HttpResponse<InputStream> response = http.sendDirect("ping " + registry, call, null);
        BlobPush.closed(response);
        return response.statusCode() == 200 || response.statusCode() == 401;
    }

    /**
     * Docker's login check: {@code GET /v2/} answered with {@code credentials} (Basic, or a token fetched with them).
     * Returns normally when the registry accepts them; a {@link RegistryException} with status 401 and the registry's
     * (or its auth service's) reason when it does not.
     */
    public void login(String registry, Credentials credentials) {
        String operation = "login to " + registry;
        var call = RegistryHttp.Call.get(http.base(registry), Map.of());
        HttpResponse<InputStream> response = http.send(operation, registry, "", credentials, call);
        if (response.statusCode() != 200) {
            throw RegistryHttp.failure(operation, response);
        }
        BlobPush.closed(response);
    }

    /**
     * Every repository of {@code registry} ({@code GET /v2/_catalog}), asking {@code pageSize} at a time and following
     * the registry's {@code Link} headers, up to 100,000 names.
     */
    public List<String> catalog(String registry, int pageSize, @Nullable Credentials credentials) {
        return listing.catalog(registry, pageSize, credentials);
    }

    /** Every tag of {@code repository} ({@code GET /v2/<name>/tags/list}), paged like {@link #catalog}. */
    public List<String> tags(ImageReference repository, int pageSize, @Nullable Credentials credentials) {
        return listing.tags(repository, pageSize, credentials);
    }

    /**
     * Searches the configured index (Docker Hub's search API at {@link RegistrySettings#indexUrl()}), or the index of
     * the registry a term such as {@code host:5000/app} names, for at most {@code limit} (1 to 100) repositories.
     */
    public List<SearchResult> search(String term, int limit, @Nullable Credentials credentials) {
        return search.search(term, limit, credentials);
    }

    /** The manifest or index {@code image} names (its digest when pinned, else its tag), verified. */
    public FetchedManifest fetchManifest(ImageReference image, @Nullable Credentials credentials) {
        return manifests.fetch(image, image.manifestReference(), credentials);
    }

    /** Streams one blob of {@code image}'s repository into {@code store}; committed only when digest and size match. */
    public void fetchBlob(ImageReference image, Descriptor blob, ContentWriter store, PullProgress progress,
                          @Nullable Credentials credentials) {
        blobs.fetch(image, blob, store, progress, credentials);
    }

    /**
     * Pulls {@code image} for {@code platform} into {@code store}: index → platform manifest → config → layers (in
     * parallel, skipping blobs already stored), each verified.
     */
    public PulledImage pull(ImageReference image, Platform platform, ContentStore store, PullProgress progress,
                            @Nullable Credentials credentials) {
        return new ImagePull(manifests, blobs).pull(image, platform, store, progress, credentials);
    }

    /** Uploads one blob from {@code store} unless the registry has it; returns whether it was uploaded. */
    public boolean pushBlob(ImageReference image, Descriptor blob, ContentReader store, @Nullable Credentials credentials) {
        return blobPush.push(image, blob, store, PullProgress.NONE, credentials);
    }

    /**
     * The same, reporting {@link LayerProgress.Phase#UPLOADING} as bytes leave, then {@link LayerProgress.Phase#PUSHED}
     * or {@link LayerProgress.Phase#ALREADY_EXISTS}.
     */
    public boolean pushBlob(ImageReference image, Descriptor blob, ContentReader store, PullProgress progress,
                            @Nullable Credentials credentials) {
        return blobPush.push(image, blob, store, progress, credentials);
    }

    /** Puts a manifest or index under {@code image}'s tag (or its digest when untagged). */
    public void pushManifest(ImageReference image, Descriptor manifest, byte[] body, @Nullable Credentials credentials) {
        manifestPush.push(image, manifest, body, credentials);
    }
}

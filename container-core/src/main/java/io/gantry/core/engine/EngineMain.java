package io.gantry.core.engine;

import io.gantry.core.network.NetworkConfig;
import io.gantry.core.snapshot.StorageDriver;
import io.gantry.core.registry.RegistrySettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./gantry engine}: the engine alone, as a daemon. SIGTERM (or Ctrl-C) stops it cleanly and leaves containers
 * running for the next start.
 */
public final class EngineMain {

    private EngineMain() {
    }

    public static void main(String[] args) throws Exception {
        EngineConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("gantry engine: " + e.getMessage());
            System.exit(2);
            return;
        }
        Engine engine = Engine.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                engine.close();
            } catch (Exception e) {
                System.err.println("gantry engine: stopping: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "engine-shutdown"));
        stopped.await();
    }

    /**
     * {@code --data DIR --socket PATH --registry-mirror URL... --insecure-registry HOST... --only-configured-registries
     * --storage-driver overlay2|vfs --registry-certs DIR --index-url URL --dns IP... --port-driver nftables|userspace}.
     */
    static EngineConfig parse(String[] args) {
        Path data = Path.of("/var/lib/gantry");
        Path socket = null;
        StorageDriver driver = null;
        List<String> mirrors = new ArrayList<>();
        Set<String> insecure = new HashSet<>();
        boolean configuredOnly = false;
        Path certs = EngineConfig.DEFAULT_CERTS_DIR;
        URI index = RegistrySettings.DOCKER_HUB_INDEX;
        NetworkConfig network = NetworkConfig.defaults();
        List<String> dns = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(value(args, ++i, "--data"));
                case "--socket" -> socket = Path.of(value(args, ++i, "--socket"));
                case "--registry-mirror" -> mirrors.add(value(args, ++i, "--registry-mirror"));
                case "--insecure-registry" -> insecure.add(value(args, ++i, "--insecure-registry"));
                case "--only-configured-registries" -> configuredOnly = true;
                case "--storage-driver" -> driver = StorageDriver.parse(value(args, ++i, "--storage-driver"));
                case "--registry-certs" -> certs = Path.of(value(args, ++i, "--registry-certs"));
                case "--index-url" -> index = indexUrl(value(args, ++i, "--index-url"));
                case "--dns" -> dns.add(NetworkConfig.checkResolver(value(args, ++i, "--dns")));
                case "--port-driver" -> network = network.withPortDriver(
                        NetworkConfig.PortDriver.parse(value(args, ++i, "--port-driver")));
                default -> throw new IllegalArgumentException("unknown option: " + args[i]);
            }
        }
        EngineConfig config = EngineConfig.forDataRoot(data.toAbsolutePath()).withRegistryCerts(certs.toAbsolutePath())
                .withIndex(index).withRegistries(mirrors, insecure, configuredOnly).withNetwork(network.withDns(dns));
        if (driver != null) {
            config = config.withStorageDriver(driver);
        }
        return socket == null ? config : config.withSocket(socket.toAbsolutePath());
    }

    private static URI indexUrl(String text) {
        try {
            URI uri = new URI(text);
            if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // below
        }
        throw new IllegalArgumentException("--index-url needs a URL such as https://index.docker.io, not " + text);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}

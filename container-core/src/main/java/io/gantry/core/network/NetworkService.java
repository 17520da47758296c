package io.gantry.core.network;

import io.gantry.core.errors.ConflictException;
import io.gantry.core.errors.EngineException;
import io.gantry.core.errors.FailedPreconditionException;
import io.gantry.core.errors.InvalidArgumentException;
import io.gantry.core.errors.NotFoundException;
import io.gantry.core.instance.EngineInstance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The networking facade: bridge networks (create, list, inspect, remove), and per container {@link #attach} when it
 * is created, {@link #publish} when it starts and {@link #unpublish} when it stops (published ports exist only while a
 * container runs, as in Docker), {@link #connect}/{@link #disconnect} while it exists, {@link #detach} when it is
 * removed. All methods are synchronised: they change shared host state (the instance's table, the peers' hosts files).
 *
 * <p>Names on user-defined networks are served by generated {@code /etc/hosts} files rather than an embedded DNS
 * server: they need no process in the data path (so, like the NAT rules, they keep working while the engine is down),
 * nothing listens inside the container, and every libc resolves them; the engine rewrites the files in place whenever
 * a container comes or goes. The cost, that a program caching the file misses later peers, is Docker's own behaviour
 * for links.
 */
public final class NetworkService {

    private static final Logger LOG = LoggerFactory.getLogger(NetworkService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EngineInstance instance;
    private final NetworkConfig config;
    private final NetworkStore store;
    private final NetnsHandles netns;
    private final NftTable nft;
    private final ForwardAccepts forward;
    private final PortProxies proxies;
    private final PortPublisher ports;
    private final Map<String, Network> networks = new LinkedHashMap<>();
    private final Map<String, ContainerNet> containers = new LinkedHashMap<>();

    public NetworkService(EngineInstance instance, NetworkConfig config) {
        this.instance = instance;
        this.config = config;
        this.store = new NetworkStore(instance.dataRoot());
        this.netns = new NetnsHandles(instance.runDir());
        this.nft = new NftTable(instance.nftTable());
        this.forward = new ForwardAccepts(instance.nftTable());
        this.proxies = new PortProxies(instance.runDir());
        this.ports = new PortPublisher(nft, proxies, config.portDriver());
    }

    /**
     * Loads the state and makes the host match it: the default network, every bridge, the instance's table and its
     * contents, {@code ip_forward}, the FORWARD accepts next to Docker. Call once at engine start; idempotent.
     */
    public synchronized void start() {
        try {
            networks.clear();
            containers.clear();
            store.networks().forEach(n -> networks.put(n.name(), n));
            store.containers().forEach(c -> containers.put(c.containerId(), c));
            if (!networks.containsKey(Network.DEFAULT_NAME)) {
                create(Network.DEFAULT_NAME, Optional.empty(), true);
            }
            Sysctl.write("net/ipv4/ip_forward", "1");
            for (Network n : networks.values()) {
                BridgeLinks.ensureBridge(n.bridge(), n.gateway(), n.ipv4Subnet().prefix());
                forward.ensure(n.bridge());
            }
            if (NftTable.available()) {
                nft.ensure();
            }
            syncPorts();
        } catch (IOException e) {
            throw new FailedPreconditionException("start networking of " + instance.dataRoot() + ": " + e.getMessage(), e);
        }
    }

    /** Creates a user-defined bridge network with a subnet from the pool, or the one given. */
    public synchronized Network create(String name, Optional<String> subnet) {
        return create(name, subnet, false);
    }

    private Network create(String name, Optional<String> subnet, boolean isDefault) {
        Network.validateName(name);
        if (networks.containsKey(name)) {
            throw new ConflictException("create network " + name + ": a network with that name exists");
        }
        try {
            List<Ipv4Subnet> taken = new ArrayList<>(SubnetPool.hostRoutes());
            networks.values().forEach(n -> taken.add(n.ipv4Subnet()));
            Ipv4Subnet s = subnet.map(Ipv4Subnet::parse).orElseGet(() -> config.pool().next(taken));
            if (subnet.isPresent() && taken.stream().anyMatch(s::overlaps)) {
                throw new ConflictException("create network " + name + ": subnet " + s + " overlaps a network or route");
            }
            int index = 0;
            while (indexUsed(index)) {
                index++;
            }
            String bridge = instance.bridgeName(index);
            Network n = new Network(randomHex(32), name, bridge, index, s.toString(), s.gateway(), isDefault,
                    System.currentTimeMillis());
            store.put(n);
            networks.put(name, n);
            BridgeLinks.ensureBridge(bridge, n.gateway(), s.prefix());
            forward.ensure(bridge);
            if (NftTable.available()) {
                nft.ensure();
                syncPorts();
            }
            return n;
        } catch (IOException e) {
            throw new FailedPreconditionException("create network " + name + ": " + e.getMessage(), e);
        }
    }

    private boolean indexUsed(int index) {
        return networks.values().stream().anyMatch(n -> n.index() == index);
    }

    public synchronized List<Network> list() {
        return List.copyOf(networks.values());
    }

    /** The network with this name, or whose ID starts with this prefix. */
    public synchronized Optional<Network> inspect(String nameOrId) {
        Network byName = networks.get(nameOrId);
        if (byName != null) {
            return Optional.of(byName);
        }
        List<Network> byId = networks.values().stream().filter(n -> n.id().startsWith(nameOrId)).toList();
        return byId.size() == 1 && !nameOrId.isEmpty() ? Optional.of(byId.get(0)) : Optional.empty();
    }

    /** The containers attached to a network (their IDs). */
    public synchronized List<String> containersOn(String network) {
        return containers.values().stream()
                .filter(c -> c.endpoints().stream().anyMatch(e -> e.network().equals(network)))
                .map(ContainerNet::containerId).toList();
    }

    /** Removes a user-defined network; refused for the default one and while a container is attached. */
    public synchronized void remove(String nameOrId) {
        Network n = require(nameOrId, "remove network");
        if (n.isDefault()) {
            throw new ConflictException("remove network " + n.name() + ": the default bridge cannot be removed");
        }
        List<String> users = containersOn(n.name());
        if (!users.isEmpty()) {
            throw new ConflictException("remove network " + n.name() + ": in use by " + users.size()
                    + " container(s): " + String.join(", ", users.stream().map(id -> id.substring(0, 12)).toList()));
        }
        dropNetwork(n);
    }

    private void dropNetwork(Network n) {
        try {
            forward.remove(n.bridge());
            BridgeLinks.deleteLink(n.bridge());
            networks.remove(n.name());
            store.delete(n);
            if (nft.exists()) {
                syncPorts();
            }
        } catch (IOException e) {
            throw new FailedPreconditionException("remove network " + n.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Networks a container when it is created: its namespace, an address on the network, hosts and resolv.conf, legacy
     * links (on the default bridge Docker's variables and hosts line; on a user-defined network the alias as a name).
     * The ports it asks for are recorded and published only by {@link #publish}.
     */
    public synchronized NetworkAttachment attach(AttachRequest req) {
        if (containers.containsKey(req.containerId())) {
            throw new ConflictException("attach " + req.containerId() + ": already attached");
        }
        String op = "attach " + req.containerName();
        Network network = req.mode() == NetworkMode.BRIDGE ? require(req.network(), op) : null;
        if (network != null && network.isDefault() && !req.aliases().isEmpty()) {
            throw new InvalidArgumentException(op + ": network aliases need a user-defined network");
        }
        List<String> linkLines = new ArrayList<>();
        List<String> linkEnv = new ArrayList<>();
        for (LinkRequest l : req.links()) {
            ContainerNet target = containers.values().stream().filter(c -> c.name().equals(l.target())).findFirst()
                    .orElseThrow(() -> new NotFoundException(op + ": link target " + l.target() + " is not networked"));
            LegacyLink link = LegacyLink.to(target, network, l);
            // on a user-defined network Docker gives a link only a name for the target, for this container
            linkLines.add(network.isDefault() ? link.hostsLine() : link.targetIp() + "\t" + l.alias());
            linkEnv.addAll(network.isDefault() ? link.env(req.containerName()) : List.of());
        }
        ResolvConf.Result resolv = resolvConf(req.mode());
        List<Endpoint> eps = network == null ? List.of() : List.of(newEndpoint(network, "eth0", req.aliases()));
        ContainerNet c = new ContainerNet(req.containerId(), req.containerName(), req.hostname(), req.mode(),
                netns.pathOf(req.containerId()).toString(), eps, List.of(), linkLines, linkEnv, resolv.warnings(),
                req.ports());
        resolv.warnings().forEach(w -> LOG.warn("{}: {}", op, w));
        try {
            store.put(c); // first: the address is taken on disk before it exists on the host
            containers.put(c.containerId(), c);
            if (req.mode() == NetworkMode.HOST) {
                netns.createHost(req.containerId());
            } else {
                netns.createFresh(req.containerId());
            }
            for (Endpoint e : eps) {
                BridgeLinks.addVeth(e, networks.get(e.network()).bridge(), Path.of(c.netnsPath()), true);
                forward.ensure(networks.get(e.network()).bridge());
            }
            Path dir = store.dirOf(c.containerId());
            if (req.mode() == NetworkMode.HOST) {
                Files.copy(Path.of("/etc/hosts"), dir.resolve("hosts"));
                Files.writeString(dir.resolve("resolv.conf"), readHostResolvConf());
            } else {
                Files.writeString(dir.resolve("resolv.conf"), resolv.content());
            }
            refreshHosts();
            return attachmentOf(c);
        } catch (IOException | RuntimeException e) {
            try {
                detach(req.containerId());
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            if (e instanceof EngineException ee) {
                throw ee;
            }
            throw new FailedPreconditionException(op + ": " + e.getMessage(), e);
        }
    }

    /**
     * Publishes the container's requested ports (at its start): host ports chosen where left open, each checked first
     * against the ports other containers publish and the host's listening sockets, so that on a conflict nothing is
     * published. Returns the bindings; a container already publishing keeps its own.
     */
    public synchronized List<PortBinding> publish(String containerId) {
        ContainerNet c = requireContainer(containerId, "publish");
        if (!c.ports().isEmpty() || c.requestedPorts().isEmpty()) {
            return c.ports();
        }
        String op = "start " + c.name();
        List<ContainerNet> others = containers.values().stream().filter(o -> o != c).toList();
        ContainerNet published = c.withPorts(PortPublisher.resolve(op, c.requestedPorts(), others));
        try {
            store.put(published);
            containers.put(containerId, published);
            syncPorts();
            return published.ports();
        } catch (IOException | RuntimeException e) {
            try {
                unpublish(containerId);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            if (e instanceof EngineException ee) {
                throw ee;
            }
            throw new FailedPreconditionException(op + ": publish ports: " + e.getMessage(), e);
        }
    }

    /** Takes the container's published ports off the host (at its stop); its request stays for the next start. */
    public synchronized void unpublish(String containerId) {
        ContainerNet c = containers.get(containerId);
        if (c == null || c.ports().isEmpty()) {
            return;
        }
        ContainerNet stopped = c.withPorts(List.of());
        try {
            store.put(stopped);
            containers.put(containerId, stopped);
            syncPorts();
        } catch (IOException e) {
            throw new FailedPreconditionException("unpublish ports of " + c.name() + ": " + e.getMessage(), e);
        }
    }

    /** The containers that publish ports now (their IDs). */
    public synchronized List<String> publishing() {
        return containers.values().stream().filter(c -> !c.ports().isEmpty()).map(ContainerNet::containerId).toList();
    }

    private Endpoint newEndpoint(Network n, String ifname, List<String> aliases) {
        Ipv4Subnet s = n.ipv4Subnet();
        List<String> used = new ArrayList<>(List.of(n.gateway()));
        containers.values().forEach(c -> c.endpoints().stream().filter(e -> e.network().equals(n.name()))
                .forEach(e -> used.add(e.ip())));
        for (long i = 2; i < s.size() - 1; i++) {
            String ip = s.address(i);
            if (!used.contains(ip)) {
                return new Endpoint(n.name(), ifname, vethName(), ip, s.prefix(), n.gateway(), aliases);
            }
        }
        throw new FailedPreconditionException("attach to " + n.name() + ": no free address in " + s);
    }

    /** {@code <bridge prefix>_<random>}, 15 characters at most: recognisably this instance's, unique on the host. */
    private String vethName() {
        int room = 15 - instance.bridgePrefix().length() - 1;
        while (true) {
            String name = instance.bridgePrefix() + "_" + randomHex(8).substring(0, Math.min(room, 8));
            boolean inState = containers.values().stream().flatMap(c -> c.endpoints().stream())
                    .anyMatch(e -> e.hostVeth().equals(name));
            if (!inState && !BridgeLinks.exists(name)) {
                return name;
            }
        }
    }

    /** Adds an interface on another network to an attached container ({@code docker network connect}). */
    public synchronized Endpoint connect(String containerId, String networkName, List<String> aliases) {
        ContainerNet c = requireContainer(containerId, "connect");
        Network n = require(networkName, "connect " + c.name());
        if (c.mode() != NetworkMode.BRIDGE) {
            throw new ConflictException("connect " + c.name() + " to " + n.name() + ": container uses " + c.mode());
        }
        if (c.endpoints().stream().anyMatch(e -> e.network().equals(n.name()))) {
            throw new ConflictException("connect " + c.name() + ": already on network " + n.name());
        }
        int i = 0;
        while (true) {
            String candidate = "eth" + i;
            if (c.endpoints().stream().noneMatch(e -> e.ifname().equals(candidate))) {
                break;
            }
            i++;
        }
        Endpoint e = newEndpoint(n, "eth" + i, aliases);
        List<Endpoint> eps = new ArrayList<>(c.endpoints());
        eps.add(e);
        ContainerNet updated = c.withEndpoints(eps);
        try {
            store.put(updated);
            containers.put(containerId, updated);
            BridgeLinks.addVeth(e, n.bridge(), Path.of(c.netnsPath()), c.endpoints().isEmpty());
            forward.ensure(n.bridge());
            refreshHosts();
            syncPorts(); // published ports lead to the first endpoint: after a disconnect and connect, this one
            return e;
        } catch (IOException ex) {
            throw new FailedPreconditionException("connect " + c.name() + " to " + n.name() + ": " + ex.getMessage(), ex);
        }
    }

    /** Removes a container's interface on one network ({@code docker network disconnect}). */
    public synchronized void disconnect(String containerId, String networkName) {
        ContainerNet c = requireContainer(containerId, "disconnect");
        Endpoint e = c.endpoints().stream().filter(x -> x.network().equals(networkName)).findFirst()
                .orElseThrow(() -> new NotFoundException("disconnect " + c.name() + ": not on network " + networkName));
        List<Endpoint> eps = new ArrayList<>(c.endpoints());
        eps.remove(e);
        try {
            BridgeLinks.deleteLink(e.hostVeth());
            ContainerNet updated = c.withEndpoints(eps);
            store.put(updated);
            containers.put(containerId, updated);
            refreshHosts();
            syncPorts();
        } catch (IOException ex) {
            throw new FailedPreconditionException("disconnect " + c.name() + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Undoes {@link #attach}: published ports, veths, the namespace handle, the state; peers' hosts files no longer
     * name the container. Call when the container stops. Unknown containers are fine (idempotent).
     */
    public synchronized void detach(String containerId) {
        ContainerNet c = containers.remove(containerId);
        try {
            if (c != null) {
                for (Endpoint e : c.endpoints()) {
                    BridgeLinks.deleteLink(e.hostVeth());
                }
            }
            netns.remove(containerId);
            store.delete(containerId);
            refreshHosts();
            if (c == null || !c.ports().isEmpty()) {
                syncPorts();
            }
        } catch (IOException e) {
            throw new FailedPreconditionException("detach " + containerId + ": " + e.getMessage(), e);
        }
    }

    public synchronized Optional<NetworkAttachment> attachment(String containerId) {
        return Optional.ofNullable(containers.get(containerId)).map(this::attachmentOf);
    }

    /** The bridges for which FORWARD accepts were added next to a dropping FORWARD policy (for {@code /info}). */
    public synchronized List<String> forwardAccepts() {
        try {
            return forward.installed();
        } catch (IOException e) {
            throw new FailedPreconditionException("list FORWARD accepts: " + e.getMessage(), e);
        }
    }

    /**
     * Removes everything this instance put on the host: containers' networking, every network (the default too), the
     * table, the FORWARD accepts. For uninstalling an instance and for tests; the engine normally leaves bridges up.
     */
    public synchronized void destroyAll() {
        for (String id : List.copyOf(containers.keySet())) {
            detach(id);
        }
        try {
            for (String id : netns.list()) {
                netns.remove(id);
            }
            netns.removeDirIfEmpty();
            for (Network n : List.copyOf(networks.values())) {
                forward.remove(n.bridge());
                BridgeLinks.deleteLink(n.bridge());
                networks.remove(n.name());
                store.delete(n);
            }
            forward.remove(null);
            proxies.stopAll();
            nft.delete();
        } catch (IOException e) {
            throw new FailedPreconditionException("remove networking of " + instance.dataRoot() + ": " + e.getMessage(), e);
        }
    }

    private NetworkAttachment attachmentOf(ContainerNet c) {
        Path dir = store.dirOf(c.containerId());
        return new NetworkAttachment(c.containerId(), c.mode(), c.netnsPath(), c.endpoints(), c.ports(),
                dir.resolve("hosts").toString(), dir.resolve("resolv.conf").toString(), c.linkEnv(), c.warnings());
    }

    /** Rewrites every bridged container's hosts file from the current state. */
    private void refreshHosts() throws IOException {
        for (ContainerNet c : containers.values()) {
            if (c.mode() != NetworkMode.HOST) {
                HostsFile.writeInPlace(store.dirOf(c.containerId()).resolve("hosts"),
                        HostsFile.of(c, networks, containers.values()));
            }
        }
    }

    private void syncPorts() throws IOException {
        ports.sync(List.copyOf(networks.values()), containers.values());
    }

    private ResolvConf.Result resolvConf(NetworkMode mode) {
        if (mode == NetworkMode.HOST) {
            return new ResolvConf.Result("", List.of());
        }
        return ResolvConf.derive(readHostResolvConf(), config.dns());
    }

    private String readHostResolvConf() {
        try {
            return Files.readString(config.hostResolvConf());
        } catch (IOException e) {
            return "";
        }
    }

    private Network require(String nameOrId, String op) {
        return inspect(nameOrId).orElseThrow(() -> new NotFoundException(op + ": network " + nameOrId + " not found"));
    }

    private ContainerNet requireContainer(String id, String op) {
        ContainerNet c = containers.get(id);
        if (c == null) {
            throw new NotFoundException(op + ": container " + id + " is not attached");
        }
        return c;
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}

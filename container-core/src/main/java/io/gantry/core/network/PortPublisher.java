package io.gantry.core.network;

import io.gantry.core.errors.ConflictException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Published ports: checks a container's requested bindings against the other containers' and the host's sockets,
 * chooses free host ports, and makes the host forward what the state says, through the instance's nft table or, with
 * the userspace driver, one proxy process per container.
 */
final class PortPublisher {

    private final NftTable nft;
    private final PortProxies proxies;
    private final NetworkConfig.PortDriver driver;

    PortPublisher(NftTable nft, PortProxies proxies, NetworkConfig.PortDriver driver) {
        this.nft = nft;
        this.proxies = proxies;
        this.driver = driver;
    }

    /**
     * The bindings {@code requested} resolves to: host ports chosen where left open, each checked against
     * {@code others} (what other containers publish now) and against the host's listeners. Throws a
     * {@link ConflictException} naming the holder on the first clash; nothing is reserved by the check itself.
     */
    static List<PortBinding> resolve(String op, List<PortBinding> requested, Collection<ContainerNet> others) {
        List<PortBinding> taken = new ArrayList<>();
        others.forEach(c -> taken.addAll(c.ports()));
        List<PortBinding> out = new ArrayList<>();
        for (PortBinding p : requested) {
            PortBinding bound = p.hostPort() == 0 ? p.withHostPort(HostPorts.pickFree(p, taken)) : p;
            for (ContainerNet other : others) {
                other.ports().stream().filter(bound::clashesWith).findFirst().ifPresent(t -> {
                    throw new ConflictException(op + ": publish " + bound + ": host port " + t.hostIp() + ":"
                            + t.hostPort() + "/" + t.protocol().wire() + " is already published by container "
                            + other.name());
                });
            }
            out.stream().filter(bound::clashesWith).findFirst().ifPresent(t -> {
                throw new ConflictException(op + ": publish " + bound + ": the container asks for host port "
                        + t.hostIp() + ":" + t.hostPort() + "/" + t.protocol().wire() + " twice");
            });
            HostPorts.requireFree(bound);
            taken.add(bound);
            out.add(bound);
        }
        return out;
    }

    /** Makes the table's maps (or the proxies) forward exactly the published ports of {@code containers}. */
    void sync(List<Network> networks, Collection<ContainerNet> containers) throws IOException {
        List<NftTable.Dnat> dnats = new ArrayList<>();
        Map<String, List<NftTable.Dnat>> byContainer = new LinkedHashMap<>();
        for (ContainerNet c : containers) {
            if (c.endpoints().isEmpty()) {
                continue;
            }
            List<NftTable.Dnat> mine = c.ports().stream().map(p -> new NftTable.Dnat(p, c.endpoints().get(0).ip()))
                    .toList();
            dnats.addAll(mine);
            byContainer.put(c.containerId(), mine);
        }
        boolean userspace = driver == NetworkConfig.PortDriver.USERSPACE;
        if (NftTable.available()) {
            try {
                nft.sync(networks, userspace ? List.of() : dnats);
            } catch (IOException e) {
                // asked only after a failure, to spare a start one more nft process: without the table (the
                // instance's networking was removed) there is nothing to forward
                if (nft.exists()) {
                    throw e;
                }
            }
        }
        proxies.sync(userspace ? byContainer : Map.of());
    }
}

package io.gantry.console.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The known differences between the keys of Gantry's answers and dockerd 20.10's at API 1.41, by operation:
 * {@code -Path} only Docker sends, {@code +Path} only Gantry sends. Each group says why; the README's "Differences from
 * Docker" sums them up. {@link ApiShapeComparisonTest} fails on any difference not listed here, and on a listed one that
 * is gone.
 */
final class ApiShapeDifferences {

    private ApiShapeDifferences() {
    }

    static final String LIST = """
            # Docker's info reports parts Gantry does not have: swarm membership, the commits of containerd, runc and
            # docker-init, proxy settings, bridge-nf and kernel-memory flags (cgroup v1 only), authorization plugins,
            # generic resources, and non-distributable artifact registries (removed in API 1.44).
            GET /info | -BridgeNfIp6tables -BridgeNfIptables -ContainerdCommit -ContainerdCommit.Expected
            GET /info | -ContainerdCommit.ID -GenericResources -HttpProxy -HttpsProxy -InitCommit -InitCommit.Expected
            GET /info | -InitCommit.ID -KernelMemory -KernelMemoryTCP -NoProxy -Plugins.Authorization
            GET /info | -RegistryConfig.AllowNondistributableArtifactsCIDRs
            GET /info | -RegistryConfig.AllowNondistributableArtifactsHostnames -RuncCommit -RuncCommit.Expected
            GET /info | -RuncCommit.ID -Swarm.ControlAvailable -Swarm.Error -Swarm.NodeAddr -Swarm.NodeID
            GET /info | -Swarm.RemoteManagers

            # Endpoints: Gantry has no IPv6, no per-endpoint IPAM or driver options; DNSNames is API 1.45's, which
            # Gantry sends at every version.
            GET /containers/json | +NetworkSettings.Networks.*.DNSNames -NetworkSettings.Networks.*.DriverOpts
            GET /containers/json | -NetworkSettings.Networks.*.GlobalIPv6Address
            GET /containers/json | -NetworkSettings.Networks.*.GlobalIPv6PrefixLen
            GET /containers/json | -NetworkSettings.Networks.*.IPAMConfig -NetworkSettings.Networks.*.IPv6Gateway
            GET /system/df | +Containers[].NetworkSettings.Networks.*.DNSNames
            GET /system/df | -Containers[].NetworkSettings.Networks.*.DriverOpts
            GET /system/df | -Containers[].NetworkSettings.Networks.*.GlobalIPv6Address
            GET /system/df | -Containers[].NetworkSettings.Networks.*.GlobalIPv6PrefixLen
            GET /system/df | -Containers[].NetworkSettings.Networks.*.IPAMConfig
            GET /system/df | -Containers[].NetworkSettings.Networks.*.IPv6Gateway
            # BuilderSize was deprecated with API 1.42; Gantry builds nothing.
            GET /system/df | -BuilderSize

            GET /containers/{id}/json | +NetworkSettings.Networks.*.DNSNames -NetworkSettings.Networks.*.DriverOpts
            GET /containers/{id}/json | -NetworkSettings.Networks.*.GlobalIPv6Address
            GET /containers/{id}/json | -NetworkSettings.Networks.*.GlobalIPv6PrefixLen
            GET /containers/{id}/json | -NetworkSettings.Networks.*.IPAMConfig
            GET /containers/{id}/json | -NetworkSettings.Networks.*.IPv6Gateway
            # The container-wide copies of the default network's settings, deprecated by API 1.21 and gone in 1.44.
            GET /containers/{id}/json | -NetworkSettings.Bridge -NetworkSettings.EndpointID
            GET /containers/{id}/json | -NetworkSettings.GlobalIPv6Address -NetworkSettings.GlobalIPv6PrefixLen
            GET /containers/{id}/json | -NetworkSettings.HairpinMode -NetworkSettings.IPPrefixLen
            GET /containers/{id}/json | -NetworkSettings.IPv6Gateway -NetworkSettings.LinkLocalIPv6Address
            GET /containers/{id}/json | -NetworkSettings.LinkLocalIPv6PrefixLen -NetworkSettings.MacAddress
            GET /containers/{id}/json | -NetworkSettings.SecondaryIPAddresses -NetworkSettings.SecondaryIPv6Addresses
            GET /containers/{id}/json | -NetworkSettings.SandboxID
            # No AppArmor or SELinux labels, no list of exec IDs, no storage-driver section, and the hosts, hostname
            # and resolv.conf files are not named.
            GET /containers/{id}/json | -AppArmorProfile -ProcessLabel -MountLabel -ExecIDs
            GET /containers/{id}/json | -GraphDriver -GraphDriver.Data -GraphDriver.Data.* -GraphDriver.Name
            GET /containers/{id}/json | -HostnamePath -HostsPath -ResolvConfPath
            # Gantry leaves out what is not set rather than sending null (Entrypoint, OnBuild), and sends the stop
            # signal and the (empty) mount list Docker leaves out.
            GET /containers/{id}/json | -Config.Entrypoint -Config.OnBuild +Config.StopSignal +HostConfig.Mounts
            # HostConfig settings Gantry does not model (block I/O weights and limits, CPU periods, quotas and
            # real-time, devices and device requests, DNS options, extra groups, IPC/PID/UTS/user namespace modes,
            # OOM settings, masked and read-only paths, the runtime's name, memory reservation and swappiness...).
            GET /containers/{id}/json | -HostConfig.BlkioDeviceReadBps -HostConfig.BlkioDeviceReadIOps
            GET /containers/{id}/json | -HostConfig.BlkioDeviceWriteBps -HostConfig.BlkioDeviceWriteIOps
            GET /containers/{id}/json | -HostConfig.BlkioWeight -HostConfig.BlkioWeightDevice -HostConfig.Cgroup
            GET /containers/{id}/json | -HostConfig.CgroupParent -HostConfig.CgroupnsMode -HostConfig.ConsoleSize
            GET /containers/{id}/json | -HostConfig.ContainerIDFile -HostConfig.CpuCount -HostConfig.CpuPercent
            GET /containers/{id}/json | -HostConfig.CpuPeriod -HostConfig.CpuQuota -HostConfig.CpuRealtimePeriod
            GET /containers/{id}/json | -HostConfig.CpuRealtimeRuntime -HostConfig.CpusetMems
            GET /containers/{id}/json | -HostConfig.DeviceCgroupRules -HostConfig.DeviceRequests -HostConfig.Devices
            GET /containers/{id}/json | -HostConfig.DnsOptions -HostConfig.DnsSearch -HostConfig.GroupAdd
            GET /containers/{id}/json | -HostConfig.IOMaximumBandwidth -HostConfig.IOMaximumIOps -HostConfig.IpcMode
            GET /containers/{id}/json | -HostConfig.Isolation -HostConfig.KernelMemory -HostConfig.KernelMemoryTCP
            GET /containers/{id}/json | -HostConfig.MaskedPaths -HostConfig.MemoryReservation
            GET /containers/{id}/json | -HostConfig.MemorySwappiness -HostConfig.OomKillDisable
            GET /containers/{id}/json | -HostConfig.OomScoreAdj -HostConfig.PidMode -HostConfig.ReadonlyPaths
            GET /containers/{id}/json | -HostConfig.Runtime -HostConfig.UTSMode -HostConfig.UsernsMode
            GET /containers/{id}/json | -HostConfig.VolumeDriver

            # The deprecated pre-rendered progress bar; clients draw their own from progressDetail, as the CLI does.
            POST /images/create | -progress

            # Legacy build metadata (gone in API 1.45), the storage-driver section, the last tag time, VirtualSize
            # (gone in 1.44); Docker leaves out ExposedPorts when there are none, and sends OnBuild as null.
            GET /images/{name}/json | -Container -ContainerConfig -ContainerConfig.AttachStderr
            GET /images/{name}/json | -ContainerConfig.AttachStdin -ContainerConfig.AttachStdout -ContainerConfig.Cmd
            GET /images/{name}/json | -ContainerConfig.Domainname -ContainerConfig.Entrypoint -ContainerConfig.Env
            GET /images/{name}/json | -ContainerConfig.Hostname -ContainerConfig.Image -ContainerConfig.Labels
            GET /images/{name}/json | -ContainerConfig.OnBuild -ContainerConfig.OpenStdin -ContainerConfig.StdinOnce
            GET /images/{name}/json | -ContainerConfig.Tty -ContainerConfig.User -ContainerConfig.Volumes
            GET /images/{name}/json | -ContainerConfig.WorkingDir -DockerVersion -GraphDriver -GraphDriver.Data
            GET /images/{name}/json | -GraphDriver.Data.* -GraphDriver.Name -Metadata.LastTagTime -VirtualSize
            GET /images/{name}/json | -Config.OnBuild +Config.ExposedPorts

            # EnableIPv4 is API 1.47's; Gantry names the bridge of each network in Options and, unlike Docker, lists
            # the containers of each network in the list too.
            GET /networks | +EnableIPv4 +Options.* +Containers.* +Containers.*.EndpointID +Containers.*.IPv4Address
            GET /networks | +Containers.*.IPv6Address +Containers.*.MacAddress +Containers.*.Name
            GET /networks/{id} | +EnableIPv4 +Options.*
            """;

    /** Lines of {@code <operation> | <±path> <±path>…}; {@code #} starts a comment. */
    static Map<String, Set<String>> parse() {
        Map<String, Set<String>> byOperation = new LinkedHashMap<>();
        for (String line : LIST.lines().toList()) {
            String content = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
            if (content.isBlank()) {
                continue;
            }
            String[] parts = content.split("\\|", 2);
            Set<String> paths = byOperation.computeIfAbsent(parts[0].strip(), k -> new TreeSet<>());
            for (String path : parts[1].strip().split("\\s+")) {
                paths.add(path);
            }
        }
        return byOperation;
    }
}

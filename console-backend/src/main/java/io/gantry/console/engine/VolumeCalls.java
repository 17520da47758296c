package io.gantry.console.engine;

import io.gantry.core.api.types.VolumeResource;
import java.util.List;

/** The volume endpoints of the Engine API. A volume is named by its name. */
public interface VolumeCalls {

    /** {@code docker volume ls}. */
    List<VolumeResource> listVolumes();

    VolumeResource inspectVolume(String name);

    /** Creates a local volume; one of that name that already exists is returned as it is, as Docker does. */
    VolumeResource createVolume(String name);

    /** Removes a volume; one that a container still uses is refused (409) unless forced. */
    void removeVolume(String name, boolean force);

    /** Removes every volume no container uses, named or anonymous; the names removed. */
    List<String> pruneVolumes();
}

package io.gantry.core.container;

import io.gantry.core.errors.InvalidArgumentException;
import io.gantry.core.errors.NotFoundException;
import io.gantry.core.volume.VolumeMount;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code docker run --volumes-from container[:ro|:rw]}: the other container's volumes and binds at the same paths,
 * read-only or read-write as asked, else in the mode they have there.
 */
final class VolumesFrom {

    private VolumesFrom() {
    }

    static List<VolumeMount> resolve(List<String> specs, Function<String, Optional<ContainerMetadata>> byName) {
        List<VolumeMount> mounts = new ArrayList<>();
        for (String spec : specs) {
            String[] parts = spec.split(":", -1);
            if (parts.length > 2 || parts[0].isEmpty()
                    || (parts.length == 2 && !parts[1].equals("ro") && !parts[1].equals("rw"))) {
                throw new InvalidArgumentException("invalid volumes-from " + spec + ": expected container[:ro|:rw]");
            }
            ContainerMetadata source = byName.apply(parts[0])
                    .orElseThrow(() -> new NotFoundException("No such container: " + parts[0]));
            for (VolumeMount m : source.mounts()) {
                boolean readOnly = parts.length == 2 ? parts[1].equals("ro") : m.readOnly();
                mounts.add(new VolumeMount(m.source(), m.target(), readOnly, m.volume()));
            }
        }
        return mounts;
    }
}

package io.gantry.core.volume;

import io.gantry.core.errors.InvalidArgumentException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A volume as persisted in {@code volume.json} beside its {@code _data}.
 *
 * @param name          the name (64 hex digits for anonymous volumes, as Docker)
 * @param mountpoint    the {@code _data} directory the runtime binds
 * @param anonymous     created for an image {@code VOLUME} or a {@code -v /path} without a name
 * @param createdMillis creation time, epoch milliseconds
 * @param users         IDs of the containers that use it; non-empty means "in use"
 * @param populated     the image content was copied in (or the volume was used), so it is never copied again
 */
public record Volume(String name, String mountpoint, boolean anonymous, long createdMillis, List<String> users,
                     boolean populated) {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

    public Volume {
        users = List.copyOf(users);
        validateName(name);
    }

    static void validateName(String name) {
        if (!NAME.matcher(name).matches() || name.length() > 255) {
            throw new InvalidArgumentException("invalid volume name " + name + ": use [a-zA-Z0-9][a-zA-Z0-9_.-]*");
        }
    }

    public boolean inUse() {
        return !users.isEmpty();
    }

    Volume withUsers(List<String> u) {
        return new Volume(name, mountpoint, anonymous, createdMillis, u, populated);
    }

    Volume markPopulated() {
        return new Volume(name, mountpoint, anonymous, createdMillis, users, true);
    }
}

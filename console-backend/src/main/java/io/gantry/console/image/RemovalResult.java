package io.gantry.console.image;

import java.util.List;
import java.util.Map;

/**
 * What a (bulk) removal did: the images, volumes or networks removed, and for each one refused, the reason ("unable
 * to remove repository reference … a container is using its referenced image …", "in use by web, db").
 */
public record RemovalResult(List<String> removed, Map<String, String> refused) {

    public RemovalResult {
        removed = List.copyOf(removed);
        refused = Map.copyOf(refused);
    }
}

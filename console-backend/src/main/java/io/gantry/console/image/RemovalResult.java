package io.gantry.console.image;

import java.util.List;
import java.util.Map;

/**
 * What a (bulk) removal did: the references untagged or deleted, and for each one the engine refused, its reason
 * ("unable to remove repository reference … a container is using its referenced image …").
 */
public record RemovalResult(List<String> removed, Map<String, String> refused) {

    public RemovalResult {
        removed = List.copyOf(removed);
        refused = Map.copyOf(refused);
    }
}

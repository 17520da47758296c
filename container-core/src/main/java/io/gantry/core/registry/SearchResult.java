package io.gantry.core.registry;

/**
 * One repository found by a registry index's search (Docker Hub's {@code /v1/search}).
 *
 * @param name        the repository as users name it ({@code nginx} for official images, {@code user/app} otherwise)
 * @param description the repository's short description, possibly empty
 * @param official    whether it is an official image
 * @param stars       how many users starred it
 * @param automated   whether it was an automated build (Docker Hub no longer sets it)
 */
public record SearchResult(String name, String description, boolean official, int stars, boolean automated) {
}

package io.gantry.core.container;

/**
 * One change a container made to its image's files, as {@code docker diff} shows it.
 *
 * @param path the path in the container ({@code /etc/motd})
 * @param kind what happened to it
 */
public record FileChange(String path, Kind kind) {

    /** Docker's kinds, in the order of their wire numbers (0, 1, 2) and with their {@code docker diff} letters. */
    public enum Kind {
        MODIFIED('C'), ADDED('A'), DELETED('D');

        private final char letter;

        Kind(char letter) {
            this.letter = letter;
        }

        public char letter() {
            return letter;
        }
    }
}

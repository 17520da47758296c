/**
 * Browser terminals into containers: a shell started in a running container (exec with a tty), or the container's
 * own terminal (attach, for a container made with one). The UI carries the bytes between the browser and a
 * {@link io.gantry.console.terminal.TerminalSession}.
 */
@NullMarked
package io.gantry.console.terminal;

import org.jspecify.annotations.NullMarked;

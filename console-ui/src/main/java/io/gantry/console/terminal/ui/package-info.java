/**
 * The browser terminal: a dialog with Debian's term.js (a static resource, loaded when first needed) whose bytes go
 * over a WebSocket behind the console login, opened with a one-time ticket the dialog issues to its signed-in user.
 */
@NullMarked
package io.gantry.console.terminal.ui;

import org.jspecify.annotations.NullMarked;

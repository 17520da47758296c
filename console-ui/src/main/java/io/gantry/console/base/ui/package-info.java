/**
 * The console's frame: the app shell, the main layout with side navigation, and the one error handler.
 */
@NullMarked
package io.gantry.console.base.ui;

import org.jspecify.annotations.NullMarked;

/**
 * The run form of a template or an image, and the deployment it starts, shown as it happens.
 */
@NullMarked
package io.gantry.console.run.ui;

import org.jspecify.annotations.NullMarked;

/** The volumes page. */
@NullMarked
package io.gantry.console.volume.ui;

import org.jspecify.annotations.NullMarked;

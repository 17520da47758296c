/** The networks page. */
@NullMarked
package io.gantry.console.network.ui;

import org.jspecify.annotations.NullMarked;

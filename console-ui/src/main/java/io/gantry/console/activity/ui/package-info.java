/** The activity log page. */
@NullMarked
package io.gantry.console.activity.ui;

import org.jspecify.annotations.NullMarked;

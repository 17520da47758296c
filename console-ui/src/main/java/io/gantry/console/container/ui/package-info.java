/**
 * The containers page (every container of the engine, grouped, filtered, with row and bulk actions), the "New
 * container" dialog, and one container's details with its log viewer.
 */
@NullMarked
package io.gantry.console.container.ui;

import org.jspecify.annotations.NullMarked;

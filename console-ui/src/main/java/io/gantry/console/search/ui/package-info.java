/**
 * The search page, the console's home: one box over templates, local images and registries.
 */
@NullMarked
package io.gantry.console.search.ui;

import org.jspecify.annotations.NullMarked;

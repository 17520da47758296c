/**
 * The console's error vocabulary: unchecked exceptions whose message is fit to show a user.
 */
@NullMarked
package io.gantry.console.errors;

import org.jspecify.annotations.NullMarked;

/**
 * Running something: the form a template or an image is run with (its parameters, host ports and volumes, the
 * dangers to confirm), and turning the filled form into a deployed application, or into nothing when it fails.
 */
@NullMarked
package io.gantry.console.run;

import org.jspecify.annotations.NullMarked;

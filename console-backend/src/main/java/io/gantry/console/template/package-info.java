/**
 * Templates: the {@link io.gantry.console.template.Template} model, the Panamax {@code .pmx} and Compose formats
 * (read and written without losing what the user wrote), parameters, validation that treats every file as hostile,
 * sanitised documentation, and the {@link io.gantry.console.template.TemplateLibrary} of bundled and user templates.
 */
@NullMarked
package io.gantry.console.template;

import org.jspecify.annotations.NullMarked;

/**
 * Applications: the list, one application's page with its services, logs and actions, and the service editor.
 */
@NullMarked
package io.gantry.console.app.ui;

import org.jspecify.annotations.NullMarked;

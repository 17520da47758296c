/**
 * Spring Security with Vaadin's integration: every view needs a login; logins go through the user service's lockout.
 */
@NullMarked
package io.gantry.console.security;

import org.jspecify.annotations.NullMarked;

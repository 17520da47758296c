/**
 * Views of accounts: first-run setup, login, password change.
 */
@NullMarked
package io.gantry.console.user.ui;

import org.jspecify.annotations.NullMarked;

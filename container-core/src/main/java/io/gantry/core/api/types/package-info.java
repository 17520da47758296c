/**
 * Docker Engine API wire records, field names exactly as Docker spells them. Shared with the console's Engine API
 * client, so nothing here may carry engine state or behaviour.
 */
@NullMarked
package io.gantry.core.api.types;

import org.jspecify.annotations.NullMarked;

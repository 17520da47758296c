/**
 * Volumes: named and anonymous volumes under {@code <data root>/volumes/<name>/_data} with their users recorded (so
 * that removing one in use is refused), the image's content copied into a new volume on first use as Docker does, and
 * {@code -v} specs (named, anonymous, bind; read-only or read-write) resolved into the {@link
 * io.gantry.core.volume.VolumeMount}s the runtime binds. {@link io.gantry.core.volume.VolumeStore} is the facade.
 */
@NullMarked
package io.gantry.core.volume;

import org.jspecify.annotations.NullMarked;

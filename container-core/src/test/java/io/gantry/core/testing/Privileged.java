package io.gantry.core.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that needs root and real kernel features (namespaces, mounts, cgroups, networking). It runs in the
 * privileged phase of {@code ./gantry test}; without root it is skipped, or fails when
 * {@code GANTRY_REQUIRE_PRIVILEGED=1} (as in CI).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("privileged")
@ExtendWith(RequiresRoot.class)
public @interface Privileged {
}

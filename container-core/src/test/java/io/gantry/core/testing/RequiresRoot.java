package io.gantry.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips a test when not root, unless {@code GANTRY_REQUIRE_PRIVILEGED=1} says a skip would hide a failure. */
public final class RequiresRoot implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (isRoot()) {
            return ConditionEvaluationResult.enabled("running as root");
        }
        if ("1".equals(System.getenv("GANTRY_REQUIRE_PRIVILEGED"))) {
            throw new IllegalStateException("GANTRY_REQUIRE_PRIVILEGED=1 but this test runs without root: "
                    + context.getDisplayName());
        }
        return ConditionEvaluationResult.disabled("needs root (set GANTRY_REQUIRE_PRIVILEGED=1 to fail instead)");
    }

    static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Uid:"))
                    .anyMatch(line -> line.split("\\s+")[2].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }
}

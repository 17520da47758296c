package io.gantry.core.image.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The platform of an index entry or config.
 *
 * @param architecture Go's GOARCH, e.g. {@code amd64}, {@code arm64}
 * @param os           Go's GOOS, e.g. {@code linux}
 * @param osVersion    {@code os.version}, Windows only in practice
 * @param osFeatures   {@code os.features}
 * @param variant      CPU variant, e.g. {@code v8} for arm64, {@code v2} for amd64
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Platform(String architecture, String os, @JsonProperty("os.version") @Nullable String osVersion,
                       @JsonProperty("os.features") List<String> osFeatures, @Nullable String variant) {

    public static final Platform LINUX_AMD64 = of("linux", "amd64");

    public Platform {
        architecture = architecture == null ? "" : architecture;
        os = os == null ? "" : os;
        osFeatures = osFeatures == null ? List.of() : List.copyOf(osFeatures);
    }

    /** A platform without version, features or variant. */
    public static Platform of(String os, String architecture) {
        return new Platform(architecture, os, null, List.of(), null);
    }

    /** The platform this JVM runs on, in Go's names. */
    public static Platform host() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String goArch = switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i686" -> "386";
            case "ppc64le" -> "ppc64le";
            case "s390x" -> "s390x";
            case "riscv64" -> "riscv64";
            default -> arch;
        };
        return of(System.getProperty("os.name").toLowerCase(Locale.ROOT), goArch);
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant != null ? "/" + variant : "");
    }
}

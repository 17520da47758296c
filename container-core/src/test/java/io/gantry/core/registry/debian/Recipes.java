package io.gantry.core.registry.debian;

import io.gantry.core.image.oci.ImageConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The Debian test images Gantry's tests and benches use. */
final class Recipes {

    private static final String PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static final String ENTRYPOINT = "/usr/local/bin/docker-entrypoint.sh";

    private Recipes() {
    }

    /** A plain Debian image of six layers and some 200 MB, for pull and unpack benchmarks. */
    static Recipe large() {
        return new Recipe("large", List.of(
                Stage.packages("perl", "perl"),
                Stage.packages("python3", "python3"),
                Stage.packages("locales and time zones", "locales", "tzdata"),
                Stage.packages("curl", "ca-certificates", "curl"),
                new Stage("motd", List.of(), Map.of("/etc/motd", file("motd-large", 0644)), "")),
                defaults(List.of(), List.of("bash"), Map.of(), Map.of(), null, null));
    }

    /** Debian's mariadb-server behind an entrypoint that speaks the official mariadb image's variables. */
    static Recipe mariadb() {
        return new Recipe("mariadb", List.of(
                new Stage("mariadb-server", List.of("mariadb-server", "mariadb-client"), Map.of(),
                        // the package initialised a data directory; the entrypoint makes one on the first start instead
                        "rm -rf /var/lib/mysql\nmkdir -m 0755 /var/lib/mysql\nchown mysql:mysql /var/lib/mysql\n"),
                new Stage("entrypoint", List.of(), Map.of(
                        ENTRYPOINT, file("mariadb-entrypoint.sh", 0755),
                        "/etc/mysql/mariadb.conf.d/99-gantry-container.cnf", file("mariadb-container.cnf", 0644)), "")),
                defaults(List.of(ENTRYPOINT), List.of("mariadbd"), Map.of("3306/tcp", Map.of()),
                        Map.of("/var/lib/mysql", Map.of()), null, null));
    }

    /** Debian's WordPress on Apache and mod_php behind an entrypoint that speaks the official wordpress image's variables. */
    static Recipe wordpress() {
        return new Recipe("wordpress", List.of(
                Stage.packages("apache2 and php", "apache2", "libapache2-mod-php", "php-mysql", "mariadb-client"),
                Stage.packages("wordpress", "wordpress", "wordpress-theme-twentytwentythree"),
                new Stage("entrypoint", List.of(), Map.of(
                        ENTRYPOINT, file("wordpress-entrypoint.sh", 0755),
                        "/usr/share/gantry/wp-config-docker.php", file("wp-config-docker.php", 0644),
                        "/usr/share/gantry/htaccess", file("htaccess", 0644),
                        "/etc/apache2/conf-available/gantry-wordpress.conf", file("wordpress-apache.conf", 0644)),
                        String.join("\n",
                                "a2enmod -q rewrite",
                                "a2enconf -q gantry-wordpress",
                                "ln -sfT /dev/stderr /var/log/apache2/error.log",
                                "ln -sfT /dev/stdout /var/log/apache2/access.log",
                                "ln -sfT /dev/stdout /var/log/apache2/other_vhosts_access.log",
                                "rm -rf /var/www/html",
                                "mkdir -m 0755 /var/www/html",
                                "chown www-data:www-data /var/www/html", ""))),
                defaults(List.of(ENTRYPOINT), List.of("apache2-foreground"), Map.of("80/tcp", Map.of()),
                        Map.of("/var/www/html", Map.of()), "/var/www/html", "SIGWINCH"));
    }

    private static ImageConfig.ContainerConfig defaults(List<String> entrypoint, List<String> cmd,
                                                        Map<String, Map<String, Object>> ports,
                                                        Map<String, Map<String, Object>> volumes,
                                                        @Nullable String workingDir, @Nullable String stopSignal) {
        return new ImageConfig.ContainerConfig(null, ports, List.of(PATH), entrypoint, cmd, volumes, workingDir,
                Map.of("org.opencontainers.image.description", "Gantry test image built from Debian packages"), stopSignal, null);
    }

    private static Stage.StageFile file(String resource, int mode) {
        try (InputStream in = Recipes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + resource + " is missing beside " + Recipes.class.getName());
            }
            return new Stage.StageFile(in.readAllBytes(), mode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

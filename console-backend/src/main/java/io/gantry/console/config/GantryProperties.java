package io.gantry.console.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code gantry.*}.
 *
 * @param data the data root: the console's database, its keys and (for the embedded engine) images and containers
 */
@ConfigurationProperties("gantry")
public record GantryProperties(@DefaultValue("/var/lib/gantry") Path data) {
}

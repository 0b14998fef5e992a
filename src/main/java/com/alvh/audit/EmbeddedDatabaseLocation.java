package com.alvh.audit;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Derives {@code alvh.audit.h2-file}, the absolute path of the embedded database, from {@code alvh.data-dir}.
 * H2 refuses implicitly relative paths such as {@code data/alvh}, but {@code alvh.data-dir} may be relative
 * or absolute, so the JDBC URL cannot simply prefix it with {@code ./}.
 */
public class EmbeddedDatabaseLocation implements ConfigSourceFactory {

    static final String KEY = "alvh.audit.h2-file";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue dataDir = context.getValue("alvh.data-dir");
        String dir = dataDir == null || dataDir.getValue() == null ? "data" : dataDir.getValue();
        String file = Path.of(dir).toAbsolutePath().normalize().resolve("alvh").toString();
        // low ordinal: an explicit alvh.audit.h2-file anywhere else wins
        return List.of(new PropertiesConfigSource(Map.of(KEY, file), "alvh-embedded-database-location", 10));
    }
}

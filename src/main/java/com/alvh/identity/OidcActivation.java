package com.alvh.identity;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Turns the default OIDC tenant on exactly when it has something to verify tokens with: an identity server
 * ({@code quarkus.oidc.auth-server-url}) or a fixed public key ({@code quarkus.oidc.public-key}). Without either the
 * service runs with its embedded users only and needs no identity server. An explicit
 * {@code quarkus.oidc.tenant-enabled} anywhere else wins (this source has a low ordinal).
 */
public class OidcActivation implements ConfigSourceFactory {

    static final String KEY = "quarkus.oidc.tenant-enabled";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean configured = isSet(context.getValue("quarkus.oidc.auth-server-url"))
                || isSet(context.getValue("quarkus.oidc.public-key"));
        return List.of(new PropertiesConfigSource(Map.of(KEY, Boolean.toString(configured)), "alvh-oidc-activation", 10));
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }
}

package com.alvh.evaluation;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.alvh.config.AlvhConfig;
import com.alvh.strategy.ProfileCatalog;
import com.alvh.strategy.ProfileError;

/** Holds the loaded profiles; a reload swaps the whole catalog at once, keeping the last good version of a bad file. */
@ApplicationScoped
public class ProfileRegistry {

    private static final Logger LOG = Logger.getLogger(ProfileRegistry.class);

    private final AtomicReference<ProfileCatalog> catalog = new AtomicReference<>(ProfileCatalog.empty());
    private final AlvhConfig config;

    @Inject
    public ProfileRegistry(AlvhConfig config) {
        this.config = config;
    }

    /** Reloads the strategies directory. */
    public synchronized void reload() {
        ProfileCatalog next = ProfileCatalog.load(config.strategiesDir(), catalog.get());
        for (ProfileError error : next.errors()) {
            LOG.warnf("Profile refused, keeping the last good version if any: %s", error);
        }
        catalog.set(next);
    }

    public Optional<ProfileCatalog.LoadedProfile> find(String name) {
        return catalog.get().find(name);
    }

    public List<ProfileCatalog.LoadedProfile> all() {
        return catalog.get().all();
    }

    public List<ProfileError> errors() {
        return catalog.get().errors();
    }
}

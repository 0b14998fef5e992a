package com.alvh.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.quarkus.arc.DefaultBean;

import com.alvh.config.AlvhConfig;

/** The embedded user store in alvh.data-dir; a clustered build replaces it by producing another {@link UserStore}. */
@ApplicationScoped
public class IdentityBeans {

    @Produces
    @ApplicationScoped
    @DefaultBean
    UserStore userStore(AlvhConfig config) {
        return new FileUserStore(config.dataDir());
    }

    @Produces
    @ApplicationScoped
    Passwords passwords() {
        return new Passwords();
    }
}

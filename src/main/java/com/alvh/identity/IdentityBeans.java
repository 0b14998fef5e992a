package com.alvh.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.quarkus.arc.DefaultBean;

import com.alvh.audit.AuditDatabase;
import com.alvh.config.AlvhConfig;

/** The user store alvh.identity.store names: users.json in alvh.data-dir, or the database shared by replicas. */
@ApplicationScoped
public class IdentityBeans {

    @Produces
    @ApplicationScoped
    @DefaultBean
    UserStore userStore(AlvhConfig config, AuditDatabase database) {
        if (UserStores.DATABASE.equals(config.identity().store())) {
            return new DatabaseUserStore(() -> database.dataSource().getConnection());
        }
        return new FileUserStore(config.dataDir());
    }

    @Produces
    @ApplicationScoped
    Passwords passwords() {
        return new Passwords();
    }
}

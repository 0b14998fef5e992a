package com.alvh.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.InjectableInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import javax.sql.DataSource;

/**
 * The audit database: whichever of the configured datasources is active, the embedded H2 one (default) or
 * the {@code postgresql} one (profile {@code pg}). Both run the same SQL.
 */
@ApplicationScoped
public class AuditDatabase {

    @Inject
    @Any
    InjectableInstance<AgroalDataSource> dataSources;

    private volatile DataSource active;

    public DataSource dataSource() {
        DataSource ds = active;
        if (ds == null) {
            ds = dataSources.getActive();
            active = ds;
        }
        return ds;
    }
}

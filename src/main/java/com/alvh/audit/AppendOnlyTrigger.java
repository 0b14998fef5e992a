package com.alvh.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2 row trigger (db/migration-h2/V3) that refuses every UPDATE and DELETE on the audit tables. Named by class in
 * the trigger definition, so H2 instantiates it; it must stay at this name.
 */
public class AppendOnlyTrigger implements Trigger {

    private String table;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
            int type) {
        this.table = tableName;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        // SQLState 42501: insufficient privilege, as PostgreSQL reports it
        throw new SQLException("audit table " + table + " is append-only: "
                + (newRow == null ? "DELETE" : "UPDATE") + " refused", "42501");
    }
}

package com.alvh.api;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** Test only: an H2 trigger that fails every insert the way a full disk or a broken database would (not 23xxx). */
public class RefuseInsertsTrigger implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("the test refuses every insert", "HY000");
    }
}

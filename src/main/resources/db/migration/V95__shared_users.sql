-- Users of the embedded store kept in the database (issue 14), so that every replica over one PostgreSQL shares
-- them: com.alvh.identity.DatabaseUserStore, chosen with alvh.identity.store=database (on in the pg profile).
-- H2 creates the tables too and leaves them empty: a single process keeps its users in <data dir>/users.json.
CREATE TABLE service_user (
    name          VARCHAR(64)  NOT NULL PRIMARY KEY,
    -- bcrypt in Modular Crypt Format, never the password
    password_hash VARCHAR(100) NOT NULL,
    -- comma-separated, sorted: client, auditor, strategist, operator
    roles         VARCHAR(200) NOT NULL
);
-- One row every writer locks first (SELECT ... FOR UPDATE), so "add the first admin only when there is no user" is
-- atomic across replicas, and a users add never interleaves with it.
CREATE TABLE service_user_lock (
    id INT NOT NULL PRIMARY KEY
);
INSERT INTO service_user_lock (id) VALUES (1);

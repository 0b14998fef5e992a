-- Two roles for ALVH on PostgreSQL (docs/audit-chain.md, "Append-only"). Run once as a superuser, e.g.
--   psql -h db -U postgres -v owner_pw="'…'" -v app_pw="'…'" -f docs/postgresql-roles.sql
-- alvh_owner owns the schema and runs the migrations (Flyway); alvh_app is what the service connects as:
-- it can read and append to the audit tables, nothing else. Neither is a superuser.
CREATE ROLE alvh_owner LOGIN PASSWORD :owner_pw;
CREATE ROLE alvh_app LOGIN PASSWORD :app_pw;
CREATE DATABASE alvh OWNER alvh_owner;
\connect alvh
ALTER SCHEMA public OWNER TO alvh_owner;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO alvh_app;
-- After the owner has migrated (start the service once with the owner's credentials, or run Flyway as it):
--   GRANT SELECT, INSERT ON evaluation, evaluation_rule, evaluation_action, payload_dictionary,
--         rule_set_version, rule_set_file, profile_version TO alvh_app;
--   GRANT SELECT, UPDATE ON audit_write_probe TO alvh_app;
--   GRANT SELECT ON flyway_schema_history TO alvh_app;
--   GRANT SELECT, INSERT, UPDATE, DELETE ON service_user TO alvh_app;   -- users shared by replicas (V95)
--   GRANT SELECT, UPDATE ON service_user_lock TO alvh_app;              -- its lock row (SELECT ... FOR UPDATE)
--   REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON evaluation, evaluation_rule, evaluation_action,
--         payload_dictionary, rule_set_version, rule_set_file, profile_version FROM alvh_app;
-- Then run the service as alvh_app with quarkus.flyway.postgresql.migrate-at-start=false (it only validates
-- nothing and cannot alter the tables or their triggers). The triggers refuse UPDATE/DELETE/TRUNCATE even to
-- alvh_owner; only a role that can drop them (the owner, a superuser) can bypass them, and the signed
-- checkpoints outside the database reveal what it then changes.

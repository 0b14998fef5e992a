-- Append-only audit tables (docs/audit-chain.md, "Append-only"): rows can be inserted, never changed or removed,
-- whatever role runs the statement. The table owner (or a superuser) can still drop or disable these triggers;
-- the signed checkpoints outside the database are what reveal that. Grants for a separate application role:
-- docs/postgresql-roles.sql.

CREATE OR REPLACE FUNCTION alvh_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit table % is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER evaluation_append_only BEFORE UPDATE OR DELETE ON evaluation
    FOR EACH ROW EXECUTE FUNCTION alvh_refuse_change();
CREATE TRIGGER evaluation_no_truncate BEFORE TRUNCATE ON evaluation
    FOR EACH STATEMENT EXECUTE FUNCTION alvh_refuse_change();
CREATE TRIGGER evaluation_rule_append_only BEFORE UPDATE OR DELETE ON evaluation_rule
    FOR EACH ROW EXECUTE FUNCTION alvh_refuse_change();
CREATE TRIGGER evaluation_rule_no_truncate BEFORE TRUNCATE ON evaluation_rule
    FOR EACH STATEMENT EXECUTE FUNCTION alvh_refuse_change();
CREATE TRIGGER evaluation_action_append_only BEFORE UPDATE OR DELETE ON evaluation_action
    FOR EACH ROW EXECUTE FUNCTION alvh_refuse_change();
CREATE TRIGGER evaluation_action_no_truncate BEFORE TRUNCATE ON evaluation_action
    FOR EACH STATEMENT EXECUTE FUNCTION alvh_refuse_change();
CREATE TRIGGER rule_set_version_append_only BEFORE UPDATE OR DELETE ON rule_set_version
    FOR EACH ROW EXECUTE FUNCTION alvh_refuse_change();
CREATE TRIGGER rule_set_version_no_truncate BEFORE TRUNCATE ON rule_set_version
    FOR EACH STATEMENT EXECUTE FUNCTION alvh_refuse_change();
CREATE TRIGGER rule_set_file_append_only BEFORE UPDATE OR DELETE ON rule_set_file
    FOR EACH ROW EXECUTE FUNCTION alvh_refuse_change();
CREATE TRIGGER rule_set_file_no_truncate BEFORE TRUNCATE ON rule_set_file
    FOR EACH STATEMENT EXECUTE FUNCTION alvh_refuse_change();
CREATE TRIGGER profile_version_append_only BEFORE UPDATE OR DELETE ON profile_version
    FOR EACH ROW EXECUTE FUNCTION alvh_refuse_change();
CREATE TRIGGER profile_version_no_truncate BEFORE TRUNCATE ON profile_version
    FOR EACH STATEMENT EXECUTE FUNCTION alvh_refuse_change();

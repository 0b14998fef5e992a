-- Append-only audit tables on H2 (docs/audit-chain.md, "Append-only"): UPDATE and DELETE are refused by a Java
-- trigger. H2 has no TRUNCATE triggers and its admin user can drop triggers; see the document for what H2 cannot
-- enforce (the signed checkpoints reveal it).
CREATE TRIGGER evaluation_append_only BEFORE UPDATE, DELETE ON evaluation
    FOR EACH ROW CALL 'com.alvh.audit.AppendOnlyTrigger';
CREATE TRIGGER evaluation_rule_append_only BEFORE UPDATE, DELETE ON evaluation_rule
    FOR EACH ROW CALL 'com.alvh.audit.AppendOnlyTrigger';
CREATE TRIGGER evaluation_action_append_only BEFORE UPDATE, DELETE ON evaluation_action
    FOR EACH ROW CALL 'com.alvh.audit.AppendOnlyTrigger';
CREATE TRIGGER rule_set_version_append_only BEFORE UPDATE, DELETE ON rule_set_version
    FOR EACH ROW CALL 'com.alvh.audit.AppendOnlyTrigger';
CREATE TRIGGER rule_set_file_append_only BEFORE UPDATE, DELETE ON rule_set_file
    FOR EACH ROW CALL 'com.alvh.audit.AppendOnlyTrigger';
CREATE TRIGGER profile_version_append_only BEFORE UPDATE, DELETE ON profile_version
    FOR EACH ROW CALL 'com.alvh.audit.AppendOnlyTrigger';

-- Append-only like the other audit tables (V3).
CREATE TRIGGER payload_dictionary_append_only BEFORE UPDATE, DELETE ON payload_dictionary
    FOR EACH ROW CALL 'com.alvh.audit.AppendOnlyTrigger';

-- Append-only like the other audit tables (V3, whose function this reuses).
CREATE TRIGGER payload_dictionary_append_only BEFORE UPDATE OR DELETE ON payload_dictionary
    FOR EACH ROW EXECUTE FUNCTION alvh_refuse_change();
CREATE TRIGGER payload_dictionary_no_truncate BEFORE TRUNCATE ON payload_dictionary
    FOR EACH STATEMENT EXECUTE FUNCTION alvh_refuse_change();

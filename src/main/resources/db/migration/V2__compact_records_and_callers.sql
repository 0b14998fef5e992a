-- Audit chain format 2 (docs/audit-chain.md): the request, answer and trace texts move into one compressed
-- payload that is hashed as stored; every record names its caller; every stored version who stored it.
-- Rows written before keep format 1 (texts in their columns) and are verified as before.
-- Written to run unchanged on H2 2.x and PostgreSQL 13+.

ALTER TABLE evaluation ADD COLUMN caller VARCHAR(200);
ALTER TABLE evaluation ADD COLUMN format SMALLINT DEFAULT 1 NOT NULL;
ALTER TABLE evaluation ADD COLUMN payload BYTEA;
ALTER TABLE evaluation ALTER COLUMN request_json DROP NOT NULL;
ALTER TABLE evaluation ALTER COLUMN answer_json DROP NOT NULL;
ALTER TABLE evaluation ALTER COLUMN trace_json DROP NOT NULL;

ALTER TABLE rule_set_version ADD COLUMN created_by VARCHAR(200);
ALTER TABLE profile_version ADD COLUMN created_by VARCHAR(200);

-- One row the writer updates to find out whether the database can be written again after a failure
-- (readiness recovers without waiting for an evaluation that a load balancer no longer sends).
CREATE TABLE audit_write_probe (
    id        INT                         NOT NULL PRIMARY KEY,
    probed_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
INSERT INTO audit_write_probe (id, probed_at) VALUES (1, CURRENT_TIMESTAMP);

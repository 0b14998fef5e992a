-- Preset zlib dictionaries of record payloads (docs/audit-chain.md, "Payload"): a payload's zlib header names its
-- dictionary by id (DICTID, the Adler-32 of its content). Each is stored once, in the transaction of the first
-- record that uses it, so the database alone is enough to read every payload it holds.
CREATE TABLE payload_dictionary (
    id        BIGINT                      NOT NULL PRIMARY KEY,
    sha256    CHAR(64)                    NOT NULL,
    content   BYTEA                       NOT NULL,
    stored_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

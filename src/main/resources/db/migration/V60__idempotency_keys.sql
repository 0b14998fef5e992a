-- Idempotency-Key on POST /api/v1/evaluations (com.alvh.lifecycle.IdempotencyKeys, docs/errors.md).
-- One row per key: the SHA-256 of the body first sent with it and the evaluation it produced. Rows older than
-- alvh.idempotency.retention are purged; the evaluation itself stays in the audit trail for good.
-- Written to run unchanged on H2 2.x and PostgreSQL 13+.

CREATE TABLE idempotency_key (
    idempotency_key VARCHAR(200)                NOT NULL PRIMARY KEY,
    body_sha256     CHAR(64)                    NOT NULL,
    evaluation_id   VARCHAR(200)                NOT NULL,
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE INDEX ix_idempotency_key_created ON idempotency_key (created_at);

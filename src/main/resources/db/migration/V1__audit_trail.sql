-- Audit trail: append-only, hash-chained evaluation records (see docs/audit-chain.md).
-- Written to run unchanged on H2 2.x and PostgreSQL 13+.

CREATE TABLE evaluation (
    seq              BIGINT                      NOT NULL PRIMARY KEY,
    evaluation_id    VARCHAR(200)                NOT NULL,
    as_of            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    evaluated_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    recorded_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    profile_name     VARCHAR(200)                NOT NULL,
    profile_version  VARCHAR(200)                NOT NULL,
    rule_set_version VARCHAR(200)                NOT NULL,
    dry_run          BOOLEAN                     NOT NULL,
    -- JSON arrays of strings, in the order given; the hashed source of truth for the two lists
    action_types     TEXT                        NOT NULL,
    rules_fired      TEXT                        NOT NULL,
    request_json     TEXT                        NOT NULL,
    answer_json      TEXT                        NOT NULL,
    trace_json       TEXT                        NOT NULL,
    prev_hash        CHAR(64)                    NOT NULL,
    hash             CHAR(64)                    NOT NULL,
    CONSTRAINT uq_evaluation_id UNIQUE (evaluation_id)
);

CREATE INDEX ix_evaluation_as_of ON evaluation (as_of, seq);
CREATE INDEX ix_evaluation_profile ON evaluation (profile_name, as_of);

-- Search indexes derived from action_types / rules_fired (distinct values per evaluation).
CREATE TABLE evaluation_rule (
    evaluation_seq BIGINT       NOT NULL REFERENCES evaluation (seq),
    rule           VARCHAR(500) NOT NULL,
    PRIMARY KEY (evaluation_seq, rule)
);
CREATE INDEX ix_evaluation_rule_rule ON evaluation_rule (rule, evaluation_seq);

CREATE TABLE evaluation_action (
    evaluation_seq BIGINT      NOT NULL REFERENCES evaluation (seq),
    action         VARCHAR(40) NOT NULL,
    PRIMARY KEY (evaluation_seq, action)
);
CREATE INDEX ix_evaluation_action_action ON evaluation_action (action, evaluation_seq);

-- Version store: every rule set and profile an evaluation may name, with its sources.
CREATE TABLE rule_set_version (
    version   VARCHAR(200)                NOT NULL PRIMARY KEY,
    stored_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE rule_set_file (
    version   VARCHAR(200) NOT NULL REFERENCES rule_set_version (version),
    file_name VARCHAR(500) NOT NULL,
    source    TEXT         NOT NULL,
    PRIMARY KEY (version, file_name)
);

CREATE TABLE profile_version (
    version      VARCHAR(200)                NOT NULL PRIMARY KEY,
    profile_name VARCHAR(200)                NOT NULL,
    source       TEXT                        NOT NULL,
    stored_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_profile_version_name ON profile_version (profile_name);

-- The evaluation search filters by caller (GET /api/v1/evaluations?caller=...). The caller column exists since V2
-- and is written with each record (the same name the hashed record carries); this index keeps that filter and
-- its newest-first order from scanning every record.
CREATE INDEX ix_evaluation_caller ON evaluation (caller, as_of);

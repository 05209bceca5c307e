-- The engine's history level moves from Camunda's full (3) to case-audit (30, ADR 0008), and the
-- step record keeps what each person recorded at each step instead of the engine's record of
-- every variable change. An installation still at full moves with it: the engine refuses to
-- start when its configured level differs from the one stored here (docs/operations.md "Upgrades").
-- On a new database the engine writes the level itself at its first start.
update ACT_GE_PROPERTY set VALUE_ = '30' where NAME_ = 'historyLevel' and VALUE_ = '3';

-- The answers a completion submitted (the step's fields and any late reason), as a JSON object.
-- Steps completed before this version have none. Text answers are at most 4,000 characters
-- each; 10,000,000 (near PostgreSQL's largest varchar) leaves room for any step's fields escaped.
alter table step_record add column answers varchar(10000000);

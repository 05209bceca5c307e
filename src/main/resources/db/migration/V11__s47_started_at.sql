-- When the section 47 enquiry was decided: the strategy discussion the 15-working-day ICPC clock
-- runs from (Working Together 2023). Kept once, so a reconvened discussion or a record sent
-- back never restarts the clock. Cases decided before this version: their icpc_due_at stands.
alter table strategy_discussion add column s47_started_at timestamp(6) with time zone;

-- Every Tasklist list is sorted by due date, soonest first; Camunda has no index for it.
-- (On PostgreSQL this migration also gives the planner statistics on permission bits.)
create index if not exists opencsc_ix_task_due on act_ru_task (due_date_);

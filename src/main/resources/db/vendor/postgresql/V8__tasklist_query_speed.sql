-- Tasklist at council scale (docs/performance.md). Camunda's task query with authorization on
-- joins its authorization table with a condition on permission bits (PERMS_ & 2 = 2). Without
-- statistics PostgreSQL guesses that 1 row in 200 matches, when nearly all do, and picks a plan
-- that compares every task with every grant: 3 s at 10,000 open tasks, minutes at 100,000.
-- Statistics on the bits Tasklist checks (READ on a task, READ_TASK on a process definition)
-- give it the truth, and it looks grants up by index instead.
create statistics if not exists opencsc_auth_read on (perms_ & 2) from act_ru_authorization;
create statistics if not exists opencsc_auth_read_task on (perms_ & 64) from act_ru_authorization;

-- Every Tasklist list is sorted by due date, soonest first; Camunda has no index for it.
create index if not exists opencsc_ix_task_due on act_ru_task (due_date_);

analyze act_ru_authorization;

-- Escalation of breaches (domain rules, escalation ladder): each breach is watched by one
-- breachEscalation case, which asks a service manager to review it when it stays unresolved or
-- is the child's second breach within 90 days. Once per breach: the column holds that case.
alter table breach add column escalation_id varchar(64);
-- when a service manager was asked to review the breach (null: it never needed to be)
alter table breach add column escalated_at timestamp(6) with time zone;

create index ix_breach_unwatched on breach (escalation_id, done_at, withdrawn_at);

-- The child as the statutory returns know them (SSDA903, CIN census, Ofsted's Annex A): the
-- council's own id, the UPN, gender, ethnicity, UASC and the allocated team and worker. Children
-- registered before stay as they are, with these empty, and are listed by /api/returns/quality.
alter table child add column la_child_id varchar(40);
alter table child add column upn varchar(13);
alter table child add column gender varchar(10);
alter table child add column ethnicity varchar(4);
alter table child add column uasc boolean;
alter table child add column allocated_team varchar(200);
alter table child add column allocated_worker varchar(64);
create unique index ux_child_la_child_id on child (la_child_id);

-- Looked after is a history of periods, not a flag, so that a return can ask "looked after on
-- that date". The child's looked_after flag says whether a period is open today.
create table looked_after_period (
    id          varchar(36) primary key,
    child_id    varchar(36) not null references child (id),
    from_date   date        not null,
    to_date     date,
    recorded_at timestamp(6) with time zone not null,
    recorded_by varchar(64) not null
);
create index ix_looked_after_period_child on looked_after_period (child_id, from_date);

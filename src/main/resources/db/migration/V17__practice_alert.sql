-- Independent reviewing officers' alerts about children's plans (IRO Handbook 2010; Children Act
-- 1989 s25B): who raised one, the stage it reached, and how it ended.
create table practice_alert (
    process_instance_id  varchar(64)  primary key,
    child_id             varchar(36)  not null references child (id),
    raised_by            varchar(64),
    stage                integer      not null,
    stage_due_at         timestamp(6) with time zone,
    resolved             boolean,
    closed_at            timestamp(6) with time zone,
    refer_to_cafcass     boolean,
    recorded_at          timestamp(6) with time zone not null
);

create index ix_practice_alert_child on practice_alert (child_id);

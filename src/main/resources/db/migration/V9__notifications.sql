-- Mail the application sends (issue 13): one row per mail, written in the same transaction as
-- what caused it and sent afterwards by a job, so a step is never held up or undone by mail and
-- a mail is never lost or sent twice. The child's timeline lists them.
create table notification (
    id                  varchar(36)  primary key,
    kind                varchar(20)  not null,
    process_key         varchar(64),
    process_instance_id varchar(64),
    child_id            varchar(36),
    task_id             varchar(64),
    task_name           varchar(255),
    case_reference      varchar(255),
    due_at              timestamp(6) with time zone,
    recipients          varchar(4000),
    created_at          timestamp(6) with time zone not null,
    send_at             timestamp(6) with time zone not null,
    sent_at             timestamp(6) with time zone,
    sent_to             varchar(4000),
    status              varchar(20)  not null
);

create index ix_notification_child on notification (child_id, created_at);
create index ix_notification_task on notification (task_id, kind);

-- One digest a day, whichever node of a cluster gets there first.
create table notification_digest (
    digest_day          date         primary key,
    created_at          timestamp(6) with time zone not null
);

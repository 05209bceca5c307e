-- Children's cases under the Public Law Outline (Children and Families Act 2014 s14; PD12A): the
-- gateway, pre-proceedings, issue and the 26 weeks, and each extension the court ordered.
create table plo_case (
    process_instance_id      varchar(64)  primary key,
    child_id                 varchar(36)  not null references child (id),
    legal_gateway_on         date         not null,
    letter_sent_on           date,
    meeting_held_on          date,
    pre_proceedings_outcome  varchar(10),
    issued_on                date,
    due_at                   timestamp(6) with time zone,
    extension_weeks          integer      not null,
    cmh_on                   date,
    irh_on                   date,
    final_hearing_on         date,
    recorded_at              timestamp(6) with time zone not null
);

create index ix_plo_case_child on plo_case (child_id);

create table plo_extension (
    task_id              varchar(64)  primary key,
    process_instance_id  varchar(64)  not null references plo_case (process_instance_id),
    weeks                integer      not null,
    court_order_date     date         not null,
    previous_due_at      timestamp(6) with time zone not null,
    new_due_at           timestamp(6) with time zone not null,
    recorded_by          varchar(64)
);

create index ix_plo_extension_case on plo_extension (process_instance_id);

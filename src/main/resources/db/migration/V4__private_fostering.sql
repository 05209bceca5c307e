-- The private fostering register: every notification, eligibility decision, visit, review and
-- end, with on-time flags (Ofsted recommendation 10).
create table private_fostering (
    process_instance_id          varchar(64)  primary key,
    child_id                     varchar(36)  not null references child (id),
    notified_at                  timestamp(6) with time zone not null,
    notification_type            varchar(10)  not null,
    arrangement_start            date         not null,
    intended_duration_days       integer      not null,
    carer_name                   varchar(200) not null,
    carer_relationship           varchar(20)  not null,
    first_visit_due_at           timestamp(6) with time zone not null,
    assessment_due_at            timestamp(6) with time zone not null,
    privately_fostered           boolean,
    eligibility_reason           varchar(200),
    not_private_fostering_reason varchar(20000),
    suitability                  varchar(20),
    suitability_requirements     varchar(20000),
    suitability_decided_by       varchar(64),
    suitability_decided_at       timestamp(6) with time zone,
    ended_at                     timestamp(6) with time zone,
    end_reason                   varchar(20000),
    now_living_with              varchar(200),
    recorded_at                  timestamp(6) with time zone not null
);

create index ix_private_fostering_child on private_fostering (child_id);

-- Each visit and review as it happened against its due date.
create table private_fostering_step (
    task_id             varchar(64)  primary key,
    process_instance_id varchar(64)  not null,
    kind                varchar(20)  not null,
    due_at              timestamp(6) with time zone,
    done_at             timestamp(6) with time zone not null,
    done_by             varchar(64),
    on_time             boolean      not null,
    seen_alone          boolean
);

create index ix_private_fostering_step_instance on private_fostering_step (process_instance_id, done_at);

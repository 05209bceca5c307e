-- Child protection plans (Working Together 2023, ch. 4) from the initial conference to the end
-- of the plan, as Annex A List 7 and the CIN census ask: one row per plan, one per review.
create table child_protection_plan (
    process_instance_id     varchar(64)  primary key,
    child_id                varchar(36)  not null references child (id),
    icpc_held_on            date         not null,
    cpp_start_date          date         not null,
    initial_category        varchar(10)  not null,
    latest_category         varchar(10)  not null,
    strategy_discussion_id  varchar(64),
    core_group_due_at       timestamp(6) with time zone,
    core_group_held_on      date,
    last_visit_at           timestamp(6) with time zone,
    last_seen_alone         boolean,
    last_review_on          date,
    cpp_end_date            date,
    cpp_end_reason          varchar(4000),
    recorded_at             timestamp(6) with time zone not null
);

create index ix_child_protection_plan_child on child_protection_plan (child_id);

create table child_protection_review (
    task_id              varchar(64)  primary key,
    process_instance_id  varchar(64)  not null references child_protection_plan (process_instance_id),
    held_on              date         not null,
    decision             varchar(20)  not null
);

create index ix_child_protection_review_plan on child_protection_review (process_instance_id);

-- Strategy discussions as a case record: what Annex A List 5 needs (the discussion that started
-- a section 47 enquiry, the conference date, or that no conference was required).
create table strategy_discussion (
    process_instance_id      varchar(64)  primary key,
    child_id                 varchar(36)  not null references child (id),
    referral_received_at     timestamp(6) with time zone not null,
    concern                  varchar(20000) not null,
    urgent                   boolean      not null,
    looked_after             boolean      not null,
    missing_episode_id       varchar(64),
    assessment_due_at        timestamp(6) with time zone not null,
    held_at                  timestamp(6) with time zone,
    decision                 varchar(30),
    s47_type                 varchar(10),
    agency_override          boolean      not null,
    decision_approved_by     varchar(64),
    decision_approved_at     timestamp(6) with time zone,
    icpc_due_at              timestamp(6) with time zone,
    s47_outcome              varchar(30),
    icpc_not_required_reason varchar(20000),
    icpc_held_on             date,
    child_protection_plan    boolean,
    recorded_at              timestamp(6) with time zone not null
);

create index ix_strategy_discussion_child on strategy_discussion (child_id, referral_received_at);

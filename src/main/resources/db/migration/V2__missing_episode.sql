-- Missing and away episodes as a case record, beside the engine's history, so Annex A List 8
-- ("offered / accepted a return interview after the last episode") needs no engine queries.
create table missing_episode (
    process_instance_id     varchar(64)   primary key,
    child_id                varchar(36)   not null references child (id),
    episode_reference       varchar(255),
    episode_type            varchar(10)   not null,
    missing_from            timestamp(6) with time zone not null,
    reported_by             varchar(200),
    episodes_in_window      integer       not null,
    repeat_missing          boolean       not null,
    risk_level              varchar(10),
    risk_approved_by        varchar(64),
    risk_approved_at        timestamp(6) with time zone,
    risk_approval_rationale varchar(20000),
    returned_at             timestamp(6) with time zone,
    rhi_due_at              timestamp(6) with time zone,
    rhi_offered             boolean,
    rhi_offered_at          timestamp(6) with time zone,
    rhi_not_offered_reason  varchar(20000),
    rhi_accepted            boolean,
    rhi_decline_reason      varchar(20000),
    rhi_held_at             timestamp(6) with time zone,
    interviewer             varchar(200),
    interview_not_held_reason varchar(20000),
    interviewer_independent boolean,
    harm_disclosed          boolean,
    review_outcome          varchar(30),
    reviewed_by             varchar(64),
    reviewed_at             timestamp(6) with time zone,
    review_rationale        varchar(20000),
    no_strategy_reason      varchar(20000),
    strategy_discussion_id  varchar(64),
    recorded_at             timestamp(6) with time zone not null
);

create index ix_missing_episode_child on missing_episode (child_id, missing_from);

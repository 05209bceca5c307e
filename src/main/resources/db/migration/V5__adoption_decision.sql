-- Adoption decisions as inspectors ask about them (Annex A List 10): the type, the route, the
-- panel's recommendation, the decision maker's decision and when each notice was given.
create table adoption_decision (
    process_instance_id        varchar(64)  primary key,
    child_id                   varchar(36)  not null references child (id),
    decision_type              varchar(20)  not null,
    route                      varchar(10)  not null,
    cpr_approved_by            varchar(64),
    cpr_approved_at            timestamp(6) with time zone,
    panel_date                 date,
    panel_recommends_approval  boolean,
    final_minutes_received_at  timestamp(6) with time zone,
    adm_decision_due_at        timestamp(6) with time zone,
    adm_decided_by             varchar(64),
    adm_decided_at             timestamp(6) with time zone,
    adm_approves               boolean,
    departs_from_panel         boolean,
    qualifying_determination   boolean      not null,
    final_decided_at           timestamp(6) with time zone,
    final_approves             boolean,
    oral_notice_at             timestamp(6) with time zone,
    written_notice_at          timestamp(6) with time zone,
    recorded_at                timestamp(6) with time zone not null
);

create index ix_adoption_decision_child on adoption_decision (child_id);

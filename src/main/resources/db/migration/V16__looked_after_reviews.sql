-- The reviews of a looked-after child's care plan by an independent reviewing officer (Care
-- Planning Regulations 2010 reg 33): one row per period of care, its reviews counted.
create table looked_after_reviews (
    process_instance_id  varchar(64)  primary key,
    child_id             varchar(36)  not null references child (id),
    looked_after_from    date         not null,
    reviews_held         integer      not null,
    last_review_on       date,
    looked_after_to      date,
    recorded_at          timestamp(6) with time zone not null
);

create index ix_looked_after_reviews_child on looked_after_reviews (child_id);

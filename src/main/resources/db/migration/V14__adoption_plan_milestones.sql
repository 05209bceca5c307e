-- After a decision that the child should be placed for adoption, the plan's milestones as the
-- court and the agency reach them (Annex A List 10): placement order, placed for adoption,
-- adoption order, or the decision that the child should no longer be placed and why (RD1-RD4).
alter table adoption_decision add column placement_order_on date;
alter table adoption_decision add column placed_for_adoption_on date;
alter table adoption_decision add column adoption_order_on date;
alter table adoption_decision add column no_longer_to_be_placed_on date;
alter table adoption_decision add column no_longer_to_be_placed_reason varchar(3);

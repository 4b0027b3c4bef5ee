-- What the complaint module publishes to the others (front desk, repair, surveys).
create view complaint_case as select c.* from complaint c;

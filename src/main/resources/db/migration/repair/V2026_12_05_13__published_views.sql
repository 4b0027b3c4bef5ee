-- What the repair module publishes to the others (front desk, handover).
create view repair_work_order as select w.* from work_order w;
create view repair_trade_name as select t.* from repair_trade t;

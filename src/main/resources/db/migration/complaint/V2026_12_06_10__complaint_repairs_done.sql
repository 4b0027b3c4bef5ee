-- When every work order raised from a complaint is done but its 处理单 still lacks 原因分析 or 处理意见, the complaint
-- stays 处理中 and waits for its owner to complete the analysis: the workbench lists it from this mark.
alter table complaint add column repairs_done_at timestamptz;
create index complaint_repairs_done on complaint (handler_id) where repairs_done_at is not null and closed_at is null;

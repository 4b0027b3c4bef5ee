-- The design life of the project's buildings (设计文件规定的合理使用年限): how long the warranty of the foundation and
-- main structure lasts (《建设工程质量管理条例》第四十条（一）). 50 years is the design working life of ordinary
-- buildings (《民用建筑设计统一标准》GB 50352-2019); a project whose design documents say otherwise records its own.
alter table project
    add column design_life_years int not null default 50 check (design_life_years between 1 and 300);

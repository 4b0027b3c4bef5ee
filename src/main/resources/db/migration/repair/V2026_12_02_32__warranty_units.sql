-- Every warranty period in the unit the law counts it (《房屋建筑工程质量保修办法》第七条): years (or months, for a
-- longer promise), heating seasons (采暖期), cooling seasons (供冷期), or the design life (合理使用年限, the
-- project's own; no number on the rule). Existing rules are restated with the same meaning, so no decision changes:
-- 60 and 24 months are 5 and 2 years, the foundation and structure's 600 months were the default design life of 50
-- years, and the seasons of the heating and cooling components become heating and cooling seasons.
alter table warranty_rule drop constraint warranty_rule_period_kind_check;
alter table warranty_rule drop constraint warranty_rule_period_check;
alter table warranty_rule alter column period_kind type varchar(20);
alter table warranty_rule alter column period drop not null;

update warranty_rule set period_kind = case when component = 'COOLING' then 'COOLING_SEASONS' else 'HEATING_SEASONS' end
where period_kind = 'SEASONS';
update warranty_rule set period_kind = 'DESIGN_LIFE', period = null
where component = 'STRUCTURE' and period_kind = 'MONTHS' and period = 600;
update warranty_rule set period_kind = 'YEARS', period = period / 12 where period_kind = 'MONTHS' and period % 12 = 0;

alter table warranty_rule add constraint warranty_rule_period_kind_check
    check (period_kind in ('YEARS', 'MONTHS', 'HEATING_SEASONS', 'COOLING_SEASONS', 'DESIGN_LIFE'));
alter table warranty_rule add constraint warranty_rule_period_check
    check (case when period_kind = 'DESIGN_LIFE' then period is null else period > 0 end);
alter table warranty_rule add constraint warranty_rule_season_check
    check (period_kind not in ('HEATING_SEASONS', 'COOLING_SEASONS') or (season_start is not null and season_end is not null));

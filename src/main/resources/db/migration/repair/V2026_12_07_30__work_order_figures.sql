-- Work-order figures kept by the database, so that the dashboards' work-order series add up month and day sums
-- instead of every work order of the period: per business day of 报修时间 (reported_at) and project, the work orders,
-- those accepted (done, and the base of the on-time rate), accepted and finished by their due time, rated, rated 4 or
-- 5. Kept by a trigger in the work order's own transaction; work_order_figures_rebuild() recomputes them.

create table work_order_day_figures (
    day date not null,
    project_id bigint not null,          -- 0: no project
    n bigint not null default 0,
    done bigint not null default 0,
    timed bigint not null default 0,
    on_time bigint not null default 0,
    rated bigint not null default 0,
    good bigint not null default 0,
    primary key (day, project_id)
);

create table work_order_month_figures (like work_order_day_figures including defaults);
alter table work_order_month_figures rename column day to month;
alter table work_order_month_figures add primary key (month, project_id);

-- one row's contribution (sign -1 takes it away); the day is the business day (the application's connections run in
-- the business time zone)
create function work_order_figure_rows(x work_order, sign int)
    returns table (day date, project_id bigint, n bigint, done bigint, timed bigint, on_time bigint, rated bigint, good bigint)
    language sql stable as $$
    select (x.reported_at)::date, x.project_id, sign::bigint,
           (sign * (x.accepted_at is not null)::int)::bigint,
           (sign * (x.accepted_at is not null)::int)::bigint,
           (sign * (coalesce(x.accepted_at is not null and x.finished_at <= x.due_at, false))::int)::bigint,
           (sign * (x.owner_rating is not null)::int)::bigint,
           (sign * (coalesce(x.owner_rating >= 4, false))::int)::bigint
$$;

-- takes a row's old contribution away and adds its new one, in key order (two saves never deadlock)
create function work_order_figures_track() returns trigger language plpgsql as $$
declare
    o work_order;
    n work_order;
begin
    if tg_op <> 'INSERT' then
        o := old;
    end if;
    if tg_op <> 'DELETE' then
        n := new;
    end if;
    with r as (
        select * from work_order_figure_rows(o, -1) where o.id is not null
        union all
        select * from work_order_figure_rows(n, 1) where n.id is not null),
    days as (
        insert into work_order_day_figures as f
        select r.day, r.project_id, sum(r.n), sum(r.done), sum(r.timed), sum(r.on_time), sum(r.rated), sum(r.good)
        from r group by r.day, r.project_id order by r.day, r.project_id
        on conflict (day, project_id) do update set n = f.n + excluded.n, done = f.done + excluded.done, timed = f.timed + excluded.timed, on_time = f.on_time + excluded.on_time, rated = f.rated + excluded.rated, good = f.good + excluded.good
        returning 1)
    insert into work_order_month_figures as f
    select date_trunc('month', r.day)::date, r.project_id, sum(r.n), sum(r.done), sum(r.timed), sum(r.on_time), sum(r.rated), sum(r.good)
    from r group by 1, r.project_id order by 1, r.project_id
    on conflict (month, project_id) do update set n = f.n + excluded.n, done = f.done + excluded.done, timed = f.timed + excluded.timed, on_time = f.on_time + excluded.on_time, rated = f.rated + excluded.rated, good = f.good + excluded.good;
    return null;
end $$;

create trigger work_order_figures_insert after insert on work_order for each row execute function work_order_figures_track();
create trigger work_order_figures_delete after delete on work_order for each row execute function work_order_figures_track();
create trigger work_order_figures_update after update on work_order for each row
    when ((old.reported_at, old.project_id, old.accepted_at, old.finished_at, old.due_at, old.owner_rating) is distinct from (new.reported_at, new.project_id, new.accepted_at, new.finished_at, new.due_at, new.owner_rating))
    execute function work_order_figures_track();

-- recomputes both tables from the rows (after a bulk load past the trigger, or to check them)
create function work_order_figures_rebuild() returns void language plpgsql as $$
begin
    lock table work_order in share mode;
    delete from work_order_day_figures;
    delete from work_order_month_figures;
    insert into work_order_day_figures
    select r.day, r.project_id, sum(r.n), sum(r.done), sum(r.timed), sum(r.on_time), sum(r.rated), sum(r.good)
    from work_order x, lateral work_order_figure_rows(x, 1) r
    group by r.day, r.project_id;
    insert into work_order_month_figures
    select date_trunc('month', day)::date, project_id, sum(n), sum(done), sum(timed), sum(on_time), sum(rated), sum(good)
    from work_order_day_figures group by 1, project_id;
end $$;

select work_order_figures_rebuild();

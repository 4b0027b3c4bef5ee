-- Return-call figures kept by the database for the dashboards' return-call series: per business day of 回访时限
-- (due_at) and project (0: none), the return calls, those done or closed, made (the base of the on-time rate), made
-- by their limit, asked whether satisfied, satisfied. Kept by a trigger in the return call's own transaction;
-- return_call_figures_rebuild() recomputes them.

create table return_call_day_figures (
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

create table return_call_month_figures (like return_call_day_figures including defaults);
alter table return_call_month_figures rename column day to month;
alter table return_call_month_figures add primary key (month, project_id);

-- one row's contribution (sign -1 takes it away); the day is the business day (the application's connections run in
-- the business time zone)
create function return_call_figure_rows(x return_call, sign int)
    returns table (day date, project_id bigint, n bigint, done bigint, timed bigint, on_time bigint, rated bigint, good bigint)
    language sql stable as $$
    select (x.due_at)::date, coalesce(x.project_id, 0), sign::bigint,
           (sign * (x.state in ('DONE', 'CLOSED'))::int)::bigint,
           (sign * (x.done_at is not null)::int)::bigint,
           (sign * (coalesce(x.done_at <= x.due_at, false))::int)::bigint,
           (sign * (x.satisfied is not null)::int)::bigint,
           (sign * (coalesce(x.satisfied, false))::int)::bigint
$$;

-- takes a row's old contribution away and adds its new one, in key order (two saves never deadlock)
create function return_call_figures_track() returns trigger language plpgsql as $$
declare
    o return_call;
    n return_call;
begin
    if tg_op <> 'INSERT' then
        o := old;
    end if;
    if tg_op <> 'DELETE' then
        n := new;
    end if;
    with r as (
        select * from return_call_figure_rows(o, -1) where o.id is not null
        union all
        select * from return_call_figure_rows(n, 1) where n.id is not null),
    days as (
        insert into return_call_day_figures as f
        select r.day, r.project_id, sum(r.n), sum(r.done), sum(r.timed), sum(r.on_time), sum(r.rated), sum(r.good)
        from r group by r.day, r.project_id order by r.day, r.project_id
        on conflict (day, project_id) do update set n = f.n + excluded.n, done = f.done + excluded.done, timed = f.timed + excluded.timed, on_time = f.on_time + excluded.on_time, rated = f.rated + excluded.rated, good = f.good + excluded.good
        returning 1)
    insert into return_call_month_figures as f
    select date_trunc('month', r.day)::date, r.project_id, sum(r.n), sum(r.done), sum(r.timed), sum(r.on_time), sum(r.rated), sum(r.good)
    from r group by 1, r.project_id order by 1, r.project_id
    on conflict (month, project_id) do update set n = f.n + excluded.n, done = f.done + excluded.done, timed = f.timed + excluded.timed, on_time = f.on_time + excluded.on_time, rated = f.rated + excluded.rated, good = f.good + excluded.good;
    return null;
end $$;

create trigger return_call_figures_insert after insert on return_call for each row execute function return_call_figures_track();
create trigger return_call_figures_delete after delete on return_call for each row execute function return_call_figures_track();
create trigger return_call_figures_update after update on return_call for each row
    when ((old.due_at, old.project_id, old.state, old.done_at, old.satisfied) is distinct from (new.due_at, new.project_id, new.state, new.done_at, new.satisfied))
    execute function return_call_figures_track();

-- recomputes both tables from the rows (after a bulk load past the trigger, or to check them)
create function return_call_figures_rebuild() returns void language plpgsql as $$
begin
    lock table return_call in share mode;
    delete from return_call_day_figures;
    delete from return_call_month_figures;
    insert into return_call_day_figures
    select r.day, r.project_id, sum(r.n), sum(r.done), sum(r.timed), sum(r.on_time), sum(r.rated), sum(r.good)
    from return_call x, lateral return_call_figure_rows(x, 1) r
    group by r.day, r.project_id;
    insert into return_call_month_figures
    select date_trunc('month', day)::date, project_id, sum(n), sum(done), sum(timed), sum(on_time), sum(rated), sum(good)
    from return_call_day_figures group by 1, project_id;
end $$;

select return_call_figures_rebuild();

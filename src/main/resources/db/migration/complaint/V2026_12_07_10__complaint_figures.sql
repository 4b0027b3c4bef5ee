-- Complaint figures kept by the database itself, so that 投诉统计 and the dashboards add up a few thousand rows instead
-- of reading every complaint of the period. For every complaint, one row per kind of figure it is counted under:
-- all (value ''), category (its id), channel, handler (its id), state, cause (only once determined), each per day and
-- per month of its 投诉日期 and per project. The trigger below changes them in the same transaction as the complaint,
-- so they are exact at every commit; complaint_figures_rebuild() recomputes both tables from the complaints.

create table complaint_day_figures (
    day date not null,
    project_id bigint not null,
    kind varchar(10) not null,
    value varchar(40) not null,
    n bigint not null default 0,            -- complaints
    replied bigint not null default 0,      -- replied (the base of the on-time rate)
    on_time bigint not null default 0,      -- replied within the limit
    reply_seconds double precision not null default 0, -- sum of (replied − complained) over the replied ones
    closed bigint not null default 0,
    close_seconds double precision not null default 0, -- sum of (closed − complained) over the closed ones
    rated bigint not null default 0,        -- asked at the return call whether satisfied
    good bigint not null default 0,         -- satisfied
    reopened bigint not null default 0,     -- reopened at least once
    primary key (day, project_id, kind, value)
);

create table complaint_month_figures (like complaint_day_figures including defaults);
alter table complaint_month_figures rename column day to month;
alter table complaint_month_figures add primary key (month, project_id, kind, value);

-- one complaint's contribution, one row per kind (sign −1 takes it away)
create function complaint_figure_rows(c complaint, sign int)
    returns table (day date, project_id bigint, kind varchar, value varchar, n bigint, replied bigint,
                   on_time bigint, reply_seconds double precision, closed bigint, close_seconds double precision,
                   rated bigint, good bigint, reopened bigint)
    language sql immutable as $$
    select c.complaint_date, c.project_id, k.kind, k.value, sign::bigint,
           (sign * (c.replied_at is not null)::int)::bigint,
           (sign * coalesce(c.replied_at <= c.reply_due, false)::int)::bigint,
           sign * coalesce(extract(epoch from c.replied_at - c.complained_at), 0)::double precision,
           (sign * (c.closed_at is not null)::int)::bigint,
           sign * coalesce(extract(epoch from c.closed_at - c.complained_at), 0)::double precision,
           (sign * (c.return_satisfied is not null)::int)::bigint,
           (sign * coalesce(c.return_satisfied, false)::int)::bigint,
           (sign * (c.reopen_count > 0)::int)::bigint
    from (values ('all', ''), ('category', c.category_id::text), ('channel', c.channel::text),
                 ('handler', c.handler_id::text), ('state', c.state::text), ('cause', c.cause_type::text)) k(kind, value)
    where k.value is not null
$$;

-- takes a complaint's old contribution away and adds its new one, in both tables, in one statement; the rows are
-- written in key order, so two saves touching the same keys lock them in the same order and never deadlock
create function complaint_figures_track() returns trigger language plpgsql as $$
declare
    o complaint;
    n complaint;
begin
    if tg_op <> 'INSERT' then
        o := old;
    end if;
    if tg_op <> 'DELETE' then
        n := new;
    end if;
    with r as (
        select * from complaint_figure_rows(o, -1) where o.id is not null
        union all
        select * from complaint_figure_rows(n, 1) where n.id is not null),
    days as (
        insert into complaint_day_figures as f
        select r.day, r.project_id, r.kind, r.value, sum(r.n), sum(r.replied), sum(r.on_time),
               sum(r.reply_seconds), sum(r.closed), sum(r.close_seconds), sum(r.rated), sum(r.good), sum(r.reopened)
        from r group by r.day, r.project_id, r.kind, r.value
        order by r.day, r.project_id, r.kind, r.value
        on conflict (day, project_id, kind, value) do update set
            n = f.n + excluded.n, replied = f.replied + excluded.replied,
            on_time = f.on_time + excluded.on_time, reply_seconds = f.reply_seconds + excluded.reply_seconds,
            closed = f.closed + excluded.closed, close_seconds = f.close_seconds + excluded.close_seconds,
            rated = f.rated + excluded.rated, good = f.good + excluded.good, reopened = f.reopened + excluded.reopened
        returning 1)
    insert into complaint_month_figures as f
    select date_trunc('month', r.day)::date, r.project_id, r.kind, r.value, sum(r.n), sum(r.replied),
           sum(r.on_time), sum(r.reply_seconds), sum(r.closed), sum(r.close_seconds), sum(r.rated), sum(r.good),
           sum(r.reopened)
    from r group by 1, r.project_id, r.kind, r.value
    order by 1, r.project_id, r.kind, r.value
    on conflict (month, project_id, kind, value) do update set
        n = f.n + excluded.n, replied = f.replied + excluded.replied,
        on_time = f.on_time + excluded.on_time, reply_seconds = f.reply_seconds + excluded.reply_seconds,
        closed = f.closed + excluded.closed, close_seconds = f.close_seconds + excluded.close_seconds,
        rated = f.rated + excluded.rated, good = f.good + excluded.good, reopened = f.reopened + excluded.reopened;
    return null;
end $$;

create trigger complaint_figures_insert after insert on complaint for each row execute function complaint_figures_track();
create trigger complaint_figures_delete after delete on complaint for each row execute function complaint_figures_track();
-- only a change of what is counted touches the figures (a longer 原因分析 does not)
create trigger complaint_figures_update after update on complaint for each row
    when ((old.complaint_date, old.project_id, old.category_id, old.channel, old.handler_id, old.state, old.cause_type,
           old.complained_at, old.reply_due, old.replied_at, old.closed_at, old.return_satisfied, old.reopen_count > 0)
          is distinct from
          (new.complaint_date, new.project_id, new.category_id, new.channel, new.handler_id, new.state, new.cause_type,
           new.complained_at, new.reply_due, new.replied_at, new.closed_at, new.return_satisfied, new.reopen_count > 0))
    execute function complaint_figures_track();

-- recomputes both tables from the complaints (after a bulk load that bypassed the trigger, or to check them)
create function complaint_figures_rebuild() returns void language plpgsql as $$
begin
    lock table complaint in share mode;
    delete from complaint_day_figures;
    delete from complaint_month_figures;
    insert into complaint_day_figures
    select r.day, r.project_id, r.kind, r.value, sum(r.n), sum(r.replied), sum(r.on_time),
           sum(r.reply_seconds), sum(r.closed), sum(r.close_seconds), sum(r.rated), sum(r.good), sum(r.reopened)
    from complaint c, lateral complaint_figure_rows(c, 1) r
    group by r.day, r.project_id, r.kind, r.value;
    insert into complaint_month_figures
    select date_trunc('month', day)::date, project_id, kind, value, sum(n), sum(replied), sum(on_time),
           sum(reply_seconds), sum(closed), sum(close_seconds), sum(rated), sum(good), sum(reopened)
    from complaint_day_figures
    group by 1, project_id, kind, value;
end $$;

select complaint_figures_rebuild();

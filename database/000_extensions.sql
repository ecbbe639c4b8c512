-- Batch 0: extensions, schemas and the table-independent functions later batches rely on.
-- Idempotent: every statement is "if not exists" or "create or replace".

create extension if not exists postgis;
create extension if not exists "uuid-ossp";
create extension if not exists pgcrypto;

-- Monthly analytics partitions live here so that Directus, which introspects `public`, lists only
-- the partitioned parents (pageviews, events, conversions) and not one collection per month.
create schema if not exists analytics_partitions;

create or replace function set_date_updated() returns trigger
language plpgsql as $$
begin
  new.date_updated := now();
  return new;
end
$$;

-- Called at the end of every batch file: any public table with a date_updated column gets the
-- trigger, so a new table cannot forget it. Existing triggers are left untouched.
create or replace function install_date_updated_triggers() returns void
language plpgsql as $$
declare
  t record;
begin
  for t in
    select c.relname
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'date_updated' and not a.attisdropped
    where n.nspname = 'public' and c.relkind = 'r' and not c.relispartition
      and not exists (
        select 1 from pg_trigger tg where tg.tgrelid = c.oid and tg.tgname = 'set_date_updated'
      )
  loop
    execute format(
      'create trigger set_date_updated before update on public.%I for each row execute function set_date_updated()',
      t.relname
    );
  end loop;
end
$$;

-- Keeps a row in the tenant of every row it references, so an id from another site (sent in a
-- request body, picked in the Data Studio) can never tie two tenants together.
-- Arguments come in pairs: (fk column, referenced table), ...
-- A referenced row with site_id null is shared library, usable by every tenant.
-- A row with site_id null (a library row) inherits the site of the first tenant row it references.
create or replace function enforce_site_match() returns trigger
language plpgsql as $$
declare
  i int := 0;
  parent_site uuid;
  bad text;
begin
  while i < tg_nargs loop
    execute format('select p.site_id from public.%I p where p.id = ($1).%I', tg_argv[i + 1], tg_argv[i])
      into parent_site using new;
    if parent_site is not null then
      if new.site_id is null then
        new.site_id := parent_site;
      elsif new.site_id <> parent_site then
        -- Worded like a missing row, as install_site_match's statement check below explains.
        execute format('select ($1).%I::text', tg_argv[i]) into bad using new;
        raise exception 'insert or update on table "%" violates foreign key constraint "%_%_fkey"',
            tg_table_name, tg_table_name, tg_argv[i]
          using errcode = 'foreign_key_violation', schema = 'public', table = tg_table_name,
                constraint = format('%s_%s_fkey', tg_table_name, tg_argv[i]),
                detail = format('Key (%s)=(%s) is not present in table "%s".', tg_argv[i], bad, tg_argv[i + 1]);
      end if;
    end if;
    i := i + 2;
  end loop;
  return new;
end
$$;

-- Attaches the site-match rule to a table; `pairs` are (fk column, referenced table), ... as above.
-- A column written as 'name[]' is a uuid[] column with no foreign key (campaign_masters.avatar_ids):
-- every element must be a row of the referenced table in the same tenant or the shared library.
-- Rows written without a site_id get it filled in row by row (rare: library rows, callers that leave
-- it out; array columns take no part in that). Every insert and update is then checked once per
-- statement over all of its rows (a transition table): one join per reference instead of one lookup
-- per row and reference, which was most of the cost of the worker's hundred-row writes and of
-- reserving thousands of headlines. The check is a function generated per table with static SQL, so
-- each connection plans it once.
-- A reference to another tenant's row fails exactly like a reference to an id that does not exist
-- (SQLSTATE 23503, the message, detail, table and constraint Postgres gives for a foreign key), so no
-- door can tell a caller that the id exists elsewhere.
create or replace procedure install_site_match(target text, variadic pairs text[])
language plpgsql as $$
declare
  inserted_checks text := '';
  updated_checks text := '';
  check_sql text;
  i int;
  col text;
  is_array boolean;
  fk_name text;
  fill_args text;
  check_function text := 'enforce_site_match_' || target;
begin
  for i in 1 .. array_length(pairs, 1) by 2 loop
    is_array := pairs[i] like '%[]';
    col := case when is_array then left(pairs[i], -2) else pairs[i] end;
    fill_args := case when is_array then fill_args
                      else concat_ws(', ', fill_args, quote_literal(col), quote_literal(pairs[i + 1])) end;
    select c.conname into fk_name from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      where c.conrelid = format('public.%I', target)::regclass and c.contype = 'f'
        and array_length(c.conkey, 1) = 1 and a.attname = col
      limit 1;
    fk_name := coalesce(fk_name, format('%s_%s_fkey', target, col));
    -- %4$s is the row source; the doubled %%s is an extra condition (see the update check below).
    check_sql := format(
      $check$
  select r.id::text into bad from changed n %4$s
    left join public.%2$I p on p.id = r.id
    where r.id is not null and (p.id is null or (p.site_id is not null and p.site_id is distinct from n.site_id))
      %%s
    limit 1;
  if found then
    raise exception 'insert or update on table "%3$s" violates foreign key constraint "%5$s"'
      using errcode = 'foreign_key_violation', schema = 'public', table = %6$L, constraint = %7$L,
            detail = format('Key (%1$s)=(%%%%s) is not present in table "%2$s".', bad);
  end if;$check$,
      col, pairs[i + 1], target,
      case when is_array then format('cross join lateral unnest(n.%I) as r(id)', col)
           else format('cross join lateral (select n.%I) as r(id)', col) end,
      fk_name, target, fk_name);
    inserted_checks := inserted_checks || format(check_sql, '');
    -- An update re-checks only what it changes: a reference it sets (every one, if the row changes site).
    -- An array has no foreign key, so deleting a library row leaves its id behind in old rows: a status
    -- change on an article whose fragment was since deleted still goes through. And a foreign key's own
    -- `on delete set null` updates rows whose other references may be going in the same statement (two
    -- articles that link to each other, deleted together): those unchanged references are not looked up.
    updated_checks := updated_checks || format(check_sql, case when is_array then format(
      'and not exists (select 1 from before_rows o where o.id = n.id and o.site_id is not distinct from n.site_id
                       and r.id = any(o.%I))', col) else format(
      'and not exists (select 1 from before_rows o where o.id = n.id and o.site_id is not distinct from n.site_id
                       and o.%I is not distinct from n.%I)', col, col) end);
  end loop;
  execute format(
    'create or replace function public.%I() returns trigger language plpgsql as $fn$ declare bad text; begin %s
  return null;
end $fn$', check_function, inserted_checks);
  execute format(
    'create or replace function public.%I() returns trigger language plpgsql as $fn$ declare bad text; begin %s
  return null;
end $fn$', check_function || '_update', updated_checks);
  -- The per-row check of earlier versions of this schema.
  execute format('drop trigger if exists enforce_site_match on public.%I', target);
  if fill_args is null then
    execute format('drop trigger if exists enforce_site_match_fill on public.%I', target);
  else
    execute format(
      'create or replace trigger enforce_site_match_fill before insert or update on public.%I
         for each row when (new.site_id is null) execute function enforce_site_match(%s)', target, fill_args);
  end if;
  execute format(
    'create or replace trigger enforce_site_match_inserted after insert on public.%I
       referencing new table as changed for each statement execute function public.%I()', target, check_function);
  execute format(
    'create or replace trigger enforce_site_match_updated after update on public.%I
       referencing old table as before_rows new table as changed for each statement execute function public.%I()',
    target, check_function || '_update');
end
$$;

create or replace function is_slug(value text) returns boolean
language sql immutable parallel safe as $$
  select value ~ '^[a-z0-9]+(-[a-z0-9]+)*$'
$$;

-- Hosts are stored the way the tenant middleware looks them up: lower-case, no scheme, no port,
-- no leading "www." (the middleware strips it from the request host).
create or replace function is_site_host(value text) returns boolean
language sql immutable parallel safe as $$
  select value ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$'
     and value !~ '^www\.'
     and length(value) <= 253
$$;

-- Schema-qualified: pg_restore checks constraints with an empty search_path, so an unqualified call would make
-- every backup of `sites` impossible to restore.
create or replace function are_site_hosts(hosts text[]) returns boolean
language sql immutable parallel safe as $$
  select coalesce(bool_and(public.is_site_host(h)), true) from unnest(hosts) as h
$$;

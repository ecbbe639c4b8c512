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
begin
  while i < tg_nargs loop
    execute format('select p.site_id from public.%I p where p.id = ($1).%I', tg_argv[i + 1], tg_argv[i])
      into parent_site using new;
    if parent_site is not null then
      if new.site_id is null then
        new.site_id := parent_site;
      elsif new.site_id <> parent_site then
        raise exception '%.% references a row that belongs to another site', tg_table_name, tg_argv[i]
          using errcode = 'check_violation';
      end if;
    end if;
    i := i + 2;
  end loop;
  return new;
end
$$;

-- Attaches the site-match rule to a table; `pairs` are (fk column, referenced table), ... as above.
-- Rows written without a site_id get it filled in row by row (rare: library rows, callers that leave
-- it out). Every insert and update is then checked once per statement over all of its rows (a
-- transition table): one join per reference instead of one lookup per row and reference, which was
-- most of the cost of the worker's hundred-row writes and of reserving thousands of headlines. The
-- check is a function generated per table with static SQL, so each connection plans it once.
create or replace procedure install_site_match(target text, variadic pairs text[])
language plpgsql as $$
declare
  checks text := '';
  i int;
  args text := (select string_agg(quote_literal(p), ', ') from unnest(pairs) as p);
  check_function text := 'enforce_site_match_' || target;
begin
  for i in 1 .. array_length(pairs, 1) by 2 loop
    checks := checks || format(
      $check$
  if exists (select 1 from changed n join public.%2$I p on p.id = n.%1$I
             where p.site_id is not null and p.site_id is distinct from n.site_id) then
    raise exception '%3$s.%1$s references a row that belongs to another site' using errcode = 'check_violation';
  end if;$check$,
      pairs[i], pairs[i + 1], target);
  end loop;
  execute format(
    'create or replace function public.%I() returns trigger language plpgsql as $fn$ begin %s
  return null;
end $fn$', check_function, checks);
  -- The per-row check of earlier versions of this schema.
  execute format('drop trigger if exists enforce_site_match on public.%I', target);
  execute format(
    'create or replace trigger enforce_site_match_fill before insert or update on public.%I
       for each row when (new.site_id is null) execute function enforce_site_match(%s)', target, args);
  execute format(
    'create or replace trigger enforce_site_match_inserted after insert on public.%I
       referencing new table as changed for each statement execute function public.%I()', target, check_function);
  execute format(
    'create or replace trigger enforce_site_match_updated after update on public.%I
       referencing new table as changed for each statement execute function public.%I()', target, check_function);
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

create or replace function are_site_hosts(hosts text[]) returns boolean
language sql immutable parallel safe as $$
  select coalesce(bool_and(is_site_host(h)), true) from unnest(hosts) as h
$$;

-- The schema of release 2026-11-27 (commit 605b125), frozen: database/*.sql of that release in order.
-- The upgrade test loads it with data, migrates to the current release and checks nothing was lost.
-- Never edit: it is what existing installations run.

-- ===== 000_extensions.sql
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

-- ===== 100_foundation.sql
-- Batch 1, Foundation: tenants and the content library.
-- Foreign keys point only to `sites` or to tables created earlier in this file.
-- Library tables (templates, avatars, clusters, dictionaries, patterns, offers) take site_id null
-- for the shared library, readable by every tenant and writable by admins only.
-- Natural keys are unique so blueprint imports can upsert; `nulls not distinct` makes the shared
-- library (site_id null) obey them too.

create table if not exists sites (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  domain text not null unique check (is_site_host(domain)),
  domain_aliases text[] not null default '{}' check (are_site_hosts(domain_aliases)),
  status text not null default 'active' check (status in ('active', 'paused', 'archived')),
  settings jsonb not null default '{}' check (jsonb_typeof(settings) = 'object'),
  -- Identifies the site to public write endpoints that cannot rely on the Host header.
  public_key text not null unique default encode(gen_random_bytes(16), 'hex'),
  date_created timestamptz not null default now(),
  date_updated timestamptz
);
create index if not exists sites_domain_aliases_idx on sites using gin (domain_aliases);
create index if not exists sites_status_idx on sites (status);

-- A host must resolve to exactly one tenant; a unique index cannot span domain and the alias arrays.
create or replace function assert_site_hosts_unique() returns trigger
language plpgsql as $$
declare
  hosts text[] := array[new.domain] || new.domain_aliases;
  clash text;
begin
  -- Serialises concurrent host changes so two transactions cannot claim the same host.
  perform pg_advisory_xact_lock(hashtext('spark.sites.hosts'));
  -- A site with the same domain is left to the unique constraint: it is either this row being
  -- upserted (insert ... on conflict (domain) runs this trigger before detecting the conflict) or
  -- a plain duplicate that the constraint reports.
  select h into clash
  from sites s, unnest(array[s.domain] || s.domain_aliases) as h
  where s.id <> new.id and s.domain <> new.domain
    and (s.domain = any(hosts) or s.domain_aliases && hosts) and h = any(hosts)
  limit 1;
  if clash is not null then
    raise exception 'host % already belongs to another site', clash using errcode = 'unique_violation';
  end if;
  return new;
end
$$;
create or replace trigger assert_site_hosts_unique
  before insert or update of domain, domain_aliases on sites
  for each row execute function assert_site_hosts_unique();

create table if not exists article_templates (
  id uuid primary key default gen_random_uuid(),
  site_id uuid references sites (id) on delete cascade,
  name text not null,
  description text,
  -- Ordered fragment types; the assembler emits one fragment of each type in this order.
  fragment_types jsonb not null default '[]' check (jsonb_typeof(fragment_types) = 'array'),
  date_created timestamptz not null default now(),
  date_updated timestamptz,
  unique nulls not distinct (site_id, name)
);

create table if not exists avatar_intelligence (
  id uuid primary key default gen_random_uuid(),
  site_id uuid references sites (id) on delete cascade,
  name text not null,
  description text,
  pain_points jsonb not null default '[]' check (jsonb_typeof(pain_points) = 'array'),
  goals jsonb not null default '[]' check (jsonb_typeof(goals) = 'array'),
  tone text,
  date_created timestamptz not null default now(),
  date_updated timestamptz,
  unique nulls not distinct (site_id, name)
);

create table if not exists avatar_variants (
  id uuid primary key default gen_random_uuid(),
  site_id uuid references sites (id) on delete cascade,
  avatar_id uuid not null references avatar_intelligence (id) on delete cascade,
  name text not null,
  -- Extra spintax variables the variant supplies, e.g. {"Pronoun": "she"}.
  variables jsonb not null default '{}' check (jsonb_typeof(variables) = 'object'),
  date_created timestamptz not null default now(),
  date_updated timestamptz,
  unique (avatar_id, name)
);
create index if not exists avatar_variants_site_id_idx on avatar_variants (site_id);
call install_site_match('avatar_variants', 'avatar_id', 'avatar_intelligence');

-- geo_states, geo_counties and geo_cities are global reference data shared by every tenant, so
-- they have no site_id (they are the documented exception to "every table has a site_id FK").
-- Tenants group them through geo_clusters, which are library rows.
create table if not exists geo_states (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[A-Z]{2}$'),
  name text not null,
  date_created timestamptz not null default now(),
  date_updated timestamptz
);

create table if not exists geo_counties (
  id uuid primary key default gen_random_uuid(),
  state_id uuid not null references geo_states (id) on delete cascade,
  name text not null,
  fips text unique check (fips ~ '^[0-9]{5}$'),
  date_created timestamptz not null default now(),
  date_updated timestamptz,
  unique (state_id, name)
);

create table if not exists geo_cities (
  id uuid primary key default gen_random_uuid(),
  state_id uuid not null references geo_states (id) on delete cascade,
  county_id uuid references geo_counties (id) on delete set null,
  name text not null,
  population int check (population >= 0),
  zip_codes text[] not null default '{}',
  -- Generic Geometry (not geometry(Point)) because Directus rejects _intersects filters on typed
  -- point columns; the check keeps it a point.
  geom geometry(Geometry, 4326) check (geom is null or GeometryType(geom) = 'POINT'),
  date_created timestamptz not null default now(),
  date_updated timestamptz,
  unique (state_id, name)
);
create index if not exists geo_cities_county_id_idx on geo_cities (county_id);
create index if not exists geo_cities_geom_idx on geo_cities using gist (geom);
create index if not exists geo_cities_zip_codes_idx on geo_cities using gin (zip_codes);

create table if not exists geo_clusters (
  id uuid primary key default gen_random_uuid(),
  site_id uuid references sites (id) on delete cascade,
  name text not null,
  slug text not null check (is_slug(slug)),
  description text,
  date_created timestamptz not null default now(),
  date_updated timestamptz,
  unique nulls not distinct (site_id, slug)
);

create table if not exists geo_cluster_members (
  id uuid primary key default gen_random_uuid(),
  site_id uuid references sites (id) on delete cascade,
  cluster_id uuid not null references geo_clusters (id) on delete cascade,
  city_id uuid not null references geo_cities (id) on delete cascade,
  date_created timestamptz not null default now(),
  date_updated timestamptz,
  unique (cluster_id, city_id)
);
create index if not exists geo_cluster_members_site_id_idx on geo_cluster_members (site_id);
create index if not exists geo_cluster_members_city_id_idx on geo_cluster_members (city_id);
call install_site_match('geo_cluster_members', 'cluster_id', 'geo_clusters');

create table if not exists spintax_dictionaries (
  id uuid primary key default gen_random_uuid(),
  site_id uuid references sites (id) on delete cascade,
  -- Referenced as a spintax variable ({Roofer_Synonyms}); variables are case-insensitive.
  category text not null check (category ~ '^[A-Za-z][A-Za-z0-9_]{0,59}$'),
  terms jsonb not null default '[]' check (jsonb_typeof(terms) = 'array'),
  description text,
  date_created timestamptz not null default now(),
  date_updated timestamptz
);
create unique index if not exists spintax_dictionaries_site_category_key
  on spintax_dictionaries (site_id, lower(category)) nulls not distinct;

create table if not exists cartesian_patterns (
  id uuid primary key default gen_random_uuid(),
  site_id uuid references sites (id) on delete cascade,
  name text not null,
  -- A spintax headline formula such as "{Best|Top} {Niche} in {City}".
  pattern text not null,
  date_created timestamptz not null default now(),
  date_updated timestamptz,
  unique nulls not distinct (site_id, name)
);

create table if not exists offer_blocks (
  id uuid primary key default gen_random_uuid(),
  site_id uuid references sites (id) on delete cascade,
  -- The avatar this offer targets; null = fallback offer for any avatar.
  avatar_id uuid references avatar_intelligence (id) on delete cascade,
  name text not null,
  headline text not null,
  body text not null,
  cta_label text not null,
  cta_url text not null,
  date_created timestamptz not null default now(),
  date_updated timestamptz,
  unique nulls not distinct (site_id, name)
);
create index if not exists offer_blocks_avatar_id_idx on offer_blocks (avatar_id);
call install_site_match('offer_blocks', 'avatar_id', 'avatar_intelligence');

create table if not exists campaign_masters (
  id uuid primary key default gen_random_uuid(),
  site_id uuid not null references sites (id) on delete cascade,
  name text not null,
  status text not null default 'draft' check (status in ('draft', 'active', 'paused', 'completed')),
  headline_spintax_root text not null default '',
  niche_variables jsonb not null default '{}' check (jsonb_typeof(niche_variables) = 'object'),
  location_mode text not null default 'none'
    check (location_mode in ('none', 'state', 'county', 'city', 'radius')),
  -- Restrict: deleting a place an active campaign targets must be a conscious decision.
  target_state_id uuid references geo_states (id) on delete restrict,
  target_county_id uuid references geo_counties (id) on delete restrict,
  target_city_id uuid references geo_cities (id) on delete restrict,
  radius_center geometry(Geometry, 4326)
    check (radius_center is null or GeometryType(radius_center) = 'POINT'),
  radius_km numeric check (radius_km > 0),
  -- Avatar ids from the site's or the shared library; an array because order and count are
  -- part of the cartesian product and Directus edits it as one field.
  avatar_ids uuid[] not null default '{}',
  template_id uuid references article_templates (id) on delete set null,
  target_word_count int not null default 1500 check (target_word_count > 0),
  velocity_mode text not null default 'steady' check (velocity_mode in ('steady', 'ramp_up')),
  velocity_per_day int not null default 10 check (velocity_per_day > 0),
  -- ramp_up: the daily count grows from velocity_per_day to velocity_ramp_to over velocity_ramp_days.
  velocity_ramp_to int check (velocity_ramp_to > 0),
  velocity_ramp_days int check (velocity_ramp_days > 0),
  -- Multiplier applied to Saturday and Sunday quotas (0 = no weekend publishing).
  weekend_throttle numeric not null default 1 check (weekend_throttle between 0 and 1),
  timezone text not null default 'UTC',
  date_created timestamptz not null default now(),
  date_updated timestamptz,
  unique (site_id, name),
  -- A draft may be incomplete; anything past draft must name what it targets.
  constraint campaign_masters_location_target_check check (status = 'draft' or case location_mode
    when 'state' then target_state_id is not null
    when 'county' then target_county_id is not null
    when 'city' then target_city_id is not null
    when 'radius' then radius_center is not null and radius_km is not null
    else true end),
  constraint campaign_masters_ramp_check
    check (status = 'draft' or velocity_mode = 'steady' or velocity_ramp_to is not null)
);
create index if not exists campaign_masters_status_idx on campaign_masters (status);
create index if not exists campaign_masters_target_state_id_idx on campaign_masters (target_state_id);
create index if not exists campaign_masters_target_county_id_idx on campaign_masters (target_county_id);
create index if not exists campaign_masters_target_city_id_idx on campaign_masters (target_city_id);
create index if not exists campaign_masters_template_id_idx on campaign_masters (template_id);
call install_site_match('campaign_masters', 'template_id', 'article_templates');

select install_date_updated_triggers();

-- ===== 200_walls.sql
-- Batch 2, Walls: generated content, jobs, site content, forms and leads.
-- Foreign keys point into batch 1 or to tables created earlier in this file.

create table if not exists generation_jobs (
  id uuid primary key default gen_random_uuid(),
  site_id uuid not null references sites (id) on delete cascade,
  -- Set null: the job history outlives a deleted campaign.
  campaign_id uuid references campaign_masters (id) on delete set null,
  type text not null check (type in (
    'generate_headlines', 'generate_articles', 'scan_duplicates', 'insert_links', 'publish_articles'
  )),
  status text not null default 'pending'
    check (status in ('pending', 'queued', 'running', 'completed', 'failed', 'cancelled')),
  params jsonb not null default '{}' check (jsonb_typeof(params) = 'object'),
  total int not null default 0 check (total >= 0),
  processed int not null default 0 check (processed >= 0),
  failed int not null default 0 check (failed >= 0),
  progress numeric(5, 2) not null default 0 check (progress between 0 and 100),
  error text,
  -- The deterministic BullMQ jobId, so a retried enqueue finds its row.
  queue_job_id text unique,
  started_at timestamptz,
  finished_at timestamptz check (finished_at >= started_at),
  date_created timestamptz not null default now(),
  date_updated timestamptz
);
create index if not exists generation_jobs_site_id_idx on generation_jobs (site_id, date_created desc);
create index if not exists generation_jobs_campaign_id_idx on generation_jobs (campaign_id);
create index if not exists generation_jobs_status_idx on generation_jobs (status);
call install_site_match('generation_jobs', 'campaign_id', 'campaign_masters');

-- One row per headline variant × location × avatar a campaign may turn into an article. Workers
-- claim rows with FOR UPDATE SKIP LOCKED, so two workers never write the same article.
create table if not exists headline_inventory (
  id uuid primary key default gen_random_uuid(),
  site_id uuid not null references sites (id) on delete cascade,
  campaign_id uuid not null references campaign_masters (id) on delete cascade,
  text text not null,
  -- Index of the headline in the spintax space; numeric because the space is counted in BigInt.
  spintax_index numeric(78, 0) not null check (spintax_index >= 0),
  -- Canonical key of the combination (spintax index, location, avatar), built by the engine;
  -- stable when the campaign's location or avatar lists change, unlike a cartesian offset.
  variant_key text not null,
  state_id uuid references geo_states (id) on delete set null,
  county_id uuid references geo_counties (id) on delete set null,
  city_id uuid references geo_cities (id) on delete set null,
  avatar_id uuid references avatar_intelligence (id) on delete set null,
  status text not null default 'available' check (status in ('available', 'claimed', 'used')),
  claimed_by_job uuid references generation_jobs (id) on delete set null,
  claimed_at timestamptz,
  date_created timestamptz not null default now(),
  date_updated timestamptz,
  unique (campaign_id, variant_key)
);
create index if not exists headline_inventory_site_id_idx on headline_inventory (site_id);
create index if not exists headline_inventory_status_idx on headline_inventory (status);
create index if not exists headline_inventory_available_idx
  on headline_inventory (campaign_id, spintax_index) where status = 'available';
create index if not exists headline_inventory_state_id_idx on headline_inventory (state_id);
create index if not exists headline_inventory_county_id_idx on headline_inventory (county_id);
create index if not exists headline_inventory_city_id_idx on headline_inventory (city_id);
create index if not exists headline_inventory_avatar_id_idx on headline_inventory (avatar_id);
create index if not exists headline_inventory_claimed_by_job_idx on headline_inventory (claimed_by_job);
-- The worker's claim: a job's still-reserved headlines, without walking past the ones already used.
create index if not exists headline_inventory_claimed_idx
  on headline_inventory (claimed_by_job) where status = 'claimed';
call install_site_match('headline_inventory', 'campaign_id', 'campaign_masters', 'claimed_by_job', 'generation_jobs');

create table if not exists authors (
  id uuid primary key default gen_random_uuid(),
  site_id uuid not null references sites (id) on delete cascade,
  slug text not null check (is_slug(slug)),
  name text not null,
  bio text,
  avatar_url text,
  date_created timestamptz not null default now(),
  date_updated timestamptz,
  unique (site_id, slug)
);

create table if not exists generated_articles (
  id uuid primary key default gen_random_uuid(),
  site_id uuid not null references sites (id) on delete cascade,
  -- Set null throughout: a published article outlives its campaign, job and library rows.
  campaign_id uuid references campaign_masters (id) on delete set null,
  job_id uuid references generation_jobs (id) on delete set null,
  headline_id uuid references headline_inventory (id) on delete set null,
  author_id uuid references authors (id) on delete set null,
  title text not null,
  slug text not null check (is_slug(slug)),
  html_content text not null default '',
  excerpt text,
  meta_title text check (char_length(meta_title) <= 60),
  meta_description text check (char_length(meta_description) <= 155),
  schema_json jsonb,
  word_count int not null default 0 check (word_count >= 0),
  state_id uuid references geo_states (id) on delete set null,
  county_id uuid references geo_counties (id) on delete set null,
  city_id uuid references geo_cities (id) on delete set null,
  avatar_id uuid references avatar_intelligence (id) on delete set null,
  -- The fragments the assembler used, so "least used" can be recomputed.
  fragment_ids uuid[] not null default '{}',
  status text not null default 'queued' check (status in (
    'queued', 'processing', 'qc', 'approved', 'scheduled', 'published', 'archived'
  )),
  priority int not null default 0,
  -- Idempotency: a retried job derives the same key and cannot insert the article twice.
  generation_key text not null unique,
  publish_at timestamptz,
  -- Set by the publisher when the article goes live (datePublished is never backdated); there is
  -- deliberately no trigger filling it in, so publishing outside the publisher fails loudly.
  published_at timestamptz,
  date_created timestamptz not null default now(),
  date_updated timestamptz,
  unique (site_id, slug),
  constraint generated_articles_published_at_check check (status <> 'published' or published_at is not null),
  constraint generated_articles_publish_at_check check (status <> 'scheduled' or publish_at is not null)
);
create index if not exists generated_articles_status_idx on generated_articles (site_id, status);
create index if not exists generated_articles_due_idx
  on generated_articles (publish_at) where status = 'scheduled';
create index if not exists generated_articles_published_idx
  on generated_articles (site_id, published_at desc) where status = 'published';
create index if not exists generated_articles_slug_idx on generated_articles (slug);
create index if not exists generated_articles_campaign_id_idx on generated_articles (campaign_id, status);
create index if not exists generated_articles_job_id_idx on generated_articles (job_id);
create index if not exists generated_articles_headline_id_idx on generated_articles (headline_id);
create index if not exists generated_articles_author_id_idx on generated_articles (author_id);
create index if not exists generated_articles_state_id_idx on generated_articles (state_id);
create index if not exists generated_articles_county_id_idx on generated_articles (county_id);
create index if not exists generated_articles_city_id_idx on generated_articles (city_id);
create index if not exists generated_articles_avatar_id_idx on generated_articles (avatar_id);
call install_site_match('generated_articles', 'campaign_id', 'campaign_masters', 'job_id', 'generation_jobs', 'headline_id', 'headline_inventory', 'author_id', 'authors', 'avatar_id', 'avatar_intelligence');

-- Pages and posts are edited by people in the Data Studio: publishing one stamps published_at,
-- which keeps the "published implies published_at" check from getting in their way.
create or replace function stamp_published_at() returns trigger
language plpgsql as $$
begin
  if new.status = 'published' and new.published_at is null then
    new.published_at := now();
  end if;
  return new;
end
$$;

create table if not exists pages (
  id uuid primary key default gen_random_uuid(),
  site_id uuid not null references sites (id) on delete cascade,
  permalink text not null
    check (permalink ~ '^/([a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*)?$'),
  title text not null,
  blocks jsonb not null default '[]' check (jsonb_typeof(blocks) = 'array'),
  meta_title text,
  meta_description text,
  og_image_url text,
  noindex boolean not null default false,
  status text not null default 'draft' check (status in ('draft', 'published', 'archived')),
  published_at timestamptz,
  date_created timestamptz not null default now(),
  date_updated timestamptz,
  unique (site_id, permalink),
  constraint pages_published_at_check check (status <> 'published' or published_at is not null)
);
create index if not exists pages_status_idx on pages (status);
create or replace trigger stamp_published_at
  before insert or update of status, published_at on pages
  for each row execute function stamp_published_at();

create table if not exists posts (
  id uuid primary key default gen_random_uuid(),
  site_id uuid not null references sites (id) on delete cascade,
  author_id uuid references authors (id) on delete set null,
  slug text not null check (is_slug(slug)),
  title text not null,
  excerpt text,
  html_content text not null default '',
  cover_image_url text,
  meta_title text,
  meta_description text,
  tags jsonb not null default '[]' check (jsonb_typeof(tags) = 'array'),
  status text not null default 'draft' check (status in ('draft', 'published', 'archived')),
  published_at timestamptz,
  date_created timestamptz not null default now(),
  date_updated timestamptz,
  unique (site_id, slug),
  constraint posts_published_at_check check (status <> 'published' or published_at is not null)
);
create index if not exists posts_status_idx on posts (status);
create index if not exists posts_published_idx
  on posts (site_id, published_at desc) where status = 'published';
create index if not exists posts_author_id_idx on posts (author_id);
create or replace trigger stamp_published_at
  before insert or update of status, published_at on posts
  for each row execute function stamp_published_at();
call install_site_match('posts', 'author_id', 'authors');

create table if not exists forms (
  id uuid primary key default gen_random_uuid(),
  site_id uuid not null references sites (id) on delete cascade,
  slug text not null check (is_slug(slug)),
  name text not null,
  -- Field definitions ({name, label, type, required, options?, max_length?}); submissions are
  -- validated against them.
  fields jsonb not null default '[]' check (jsonb_typeof(fields) = 'array'),
  success_message text not null default 'Thank you.',
  redirect_url text,
  webhook_url text check (webhook_url ~ '^https?://'),
  -- HMAC key for signing webhook deliveries; hide this field from non-admin roles.
  webhook_secret text,
  date_created timestamptz not null default now(),
  date_updated timestamptz,
  unique (site_id, slug)
);

create table if not exists leads (
  id uuid primary key default gen_random_uuid(),
  site_id uuid not null references sites (id) on delete cascade,
  -- Set null: deleting a form must not destroy the leads it captured.
  form_id uuid references forms (id) on delete set null,
  email text,
  name text,
  phone text,
  data jsonb not null default '{}' check (jsonb_typeof(data) = 'object'),
  consent boolean not null default false,
  -- The wording the visitor agreed to, as shown at the time.
  consent_text text,
  page_url text,
  visitor_hash text,
  utm_source text,
  utm_medium text,
  utm_campaign text,
  utm_term text,
  utm_content text,
  gclid text,
  fbclid text,
  msclkid text,
  status text not null default 'new'
    check (status in ('new', 'contacted', 'qualified', 'converted', 'rejected', 'spam')),
  date_created timestamptz not null default now(),
  date_updated timestamptz,
  constraint leads_consent_text_check check (not consent or consent_text is not null)
);
create index if not exists leads_site_id_idx on leads (site_id, date_created desc);
create index if not exists leads_form_id_idx on leads (form_id);
create index if not exists leads_status_idx on leads (status);
create index if not exists leads_email_idx on leads (site_id, lower(email));
call install_site_match('leads', 'form_id', 'forms');

create table if not exists content_fragments (
  id uuid primary key default gen_random_uuid(),
  site_id uuid references sites (id) on delete cascade,
  -- Matches an entry of article_templates.fragment_types.
  fragment_type text not null check (fragment_type ~ '^[A-Za-z][A-Za-z0-9_]{0,59}$'),
  -- Fragments written for one avatar are preferred for it; null = any avatar.
  avatar_id uuid references avatar_intelligence (id) on delete cascade,
  body text not null,
  usage_count int not null default 0 check (usage_count >= 0),
  date_created timestamptz not null default now(),
  date_updated timestamptz
);
-- The natural key is (type, body); bodies are too long for a btree, so their md5 stands in.
create unique index if not exists content_fragments_natural_key
  on content_fragments (site_id, fragment_type, md5(body)) nulls not distinct;
create index if not exists content_fragments_type_idx on content_fragments (fragment_type, usage_count);
create index if not exists content_fragments_avatar_id_idx on content_fragments (avatar_id);
call install_site_match('content_fragments', 'avatar_id', 'avatar_intelligence');

-- Listing pages that gather a site's articles for a place, cluster or topic; link targets too.
create table if not exists hub_pages (
  id uuid primary key default gen_random_uuid(),
  site_id uuid not null references sites (id) on delete cascade,
  slug text not null check (is_slug(slug)),
  title text not null,
  kind text not null default 'topic' check (kind in ('state', 'county', 'city', 'cluster', 'topic')),
  intro_html text,
  state_id uuid references geo_states (id) on delete set null,
  county_id uuid references geo_counties (id) on delete set null,
  city_id uuid references geo_cities (id) on delete set null,
  cluster_id uuid references geo_clusters (id) on delete set null,
  campaign_id uuid references campaign_masters (id) on delete set null,
  meta_title text,
  meta_description text,
  status text not null default 'draft' check (status in ('draft', 'published', 'archived')),
  published_at timestamptz,
  date_created timestamptz not null default now(),
  date_updated timestamptz,
  unique (site_id, slug),
  constraint hub_pages_published_at_check check (status <> 'published' or published_at is not null)
);
create index if not exists hub_pages_status_idx on hub_pages (status);
create index if not exists hub_pages_state_id_idx on hub_pages (state_id);
create index if not exists hub_pages_county_id_idx on hub_pages (county_id);
create index if not exists hub_pages_city_id_idx on hub_pages (city_id);
create index if not exists hub_pages_cluster_id_idx on hub_pages (cluster_id);
create index if not exists hub_pages_campaign_id_idx on hub_pages (campaign_id);
create or replace trigger stamp_published_at
  before insert or update of status, published_at on hub_pages
  for each row execute function stamp_published_at();
call install_site_match('hub_pages', 'cluster_id', 'geo_clusters', 'campaign_id', 'campaign_masters');

select install_date_updated_triggers();

-- ===== 300_roof.sql
-- Batch 3, Roof: linking, site chrome, submissions, quality, analytics, audit and membership.
-- Foreign keys point into batches 1-2 or to tables created earlier in this file.

-- Hand-picked URLs the internal linker may point at, besides articles and hub pages.
create table if not exists link_targets (
  id uuid primary key default gen_random_uuid(),
  site_id uuid not null references sites (id) on delete cascade,
  url text not null check (url ~ '^(/|https?://)'),
  -- Anchors are rotated so the same target is not always linked with the same words.
  anchor_texts jsonb not null default '[]' check (jsonb_typeof(anchor_texts) = 'array'),
  keywords jsonb not null default '[]' check (jsonb_typeof(keywords) = 'array'),
  priority int not null default 0,
  is_active boolean not null default true,
  date_created timestamptz not null default now(),
  date_updated timestamptz,
  unique (site_id, url)
);

-- What the linker inserted where; the source of the link report and the orphan-page report.
create table if not exists article_links (
  id uuid primary key default gen_random_uuid(),
  site_id uuid not null references sites (id) on delete cascade,
  source_article_id uuid not null references generated_articles (id) on delete cascade,
  -- Set null: the record of a now-dangling link is what lets it be cleaned up.
  target_article_id uuid references generated_articles (id) on delete set null,
  target_hub_page_id uuid references hub_pages (id) on delete set null,
  link_target_id uuid references link_targets (id) on delete set null,
  target_url text not null,
  anchor_text text not null,
  -- Character offset of the anchor in the source article's html_content.
  position int not null check (position >= 0),
  date_created timestamptz not null default now(),
  date_updated timestamptz,
  unique (source_article_id, target_url),
  constraint article_links_no_self_link_check check (target_article_id <> source_article_id)
);
create index if not exists article_links_site_id_idx on article_links (site_id);
create index if not exists article_links_target_article_id_idx on article_links (target_article_id);
create index if not exists article_links_target_hub_page_id_idx on article_links (target_hub_page_id);
create index if not exists article_links_link_target_id_idx on article_links (link_target_id);
call install_site_match('article_links', 'source_article_id', 'generated_articles', 'target_article_id', 'generated_articles', 'target_hub_page_id', 'hub_pages', 'link_target_id', 'link_targets');

create table if not exists globals (
  id uuid primary key default gen_random_uuid(),
  site_id uuid not null unique references sites (id) on delete cascade,
  name text not null,
  tagline text,
  logo_url text,
  favicon_url text,
  -- {primary, secondary, accent, background, text} as hex colours.
  colors jsonb not null default '{}' check (jsonb_typeof(colors) = 'object'),
  footer_text text,
  -- [{network, url}], rendered in the footer.
  social_links jsonb not null default '[]' check (jsonb_typeof(social_links) = 'array'),
  -- https origins head scripts may load from; rendered into the tenant's CSP.
  allowed_script_sources text[] not null default '{}',
  date_created timestamptz not null default now(),
  date_updated timestamptz
);

create table if not exists navigation (
  id uuid primary key default gen_random_uuid(),
  site_id uuid not null references sites (id) on delete cascade,
  parent_id uuid references navigation (id) on delete cascade,
  label text not null,
  url text not null,
  sort int not null default 0,
  date_created timestamptz not null default now(),
  date_updated timestamptz,
  constraint navigation_not_own_parent_check check (parent_id <> id)
);
-- Sibling labels are the natural key of a navigation item (blueprint import upserts on it).
create unique index if not exists navigation_sibling_label_key
  on navigation (site_id, parent_id, lower(label)) nulls not distinct;
create index if not exists navigation_parent_id_idx on navigation (parent_id, sort);
call install_site_match('navigation', 'parent_id', 'navigation');

create table if not exists form_submissions (
  id uuid primary key default gen_random_uuid(),
  site_id uuid not null references sites (id) on delete cascade,
  form_id uuid references forms (id) on delete set null,
  lead_id uuid references leads (id) on delete set null,
  -- The validated submission as received (honeypot and timing fields already removed).
  payload jsonb not null check (jsonb_typeof(payload) = 'object'),
  page_url text,
  visitor_hash text,
  webhook_status text not null default 'none'
    check (webhook_status in ('none', 'pending', 'delivered', 'failed')),
  webhook_attempts int not null default 0 check (webhook_attempts >= 0),
  webhook_last_error text,
  webhook_delivered_at timestamptz,
  date_created timestamptz not null default now(),
  date_updated timestamptz
);
create index if not exists form_submissions_site_id_idx on form_submissions (site_id, date_created desc);
create index if not exists form_submissions_form_id_idx on form_submissions (form_id);
create index if not exists form_submissions_lead_id_idx on form_submissions (lead_id);
create index if not exists form_submissions_webhook_status_idx
  on form_submissions (webhook_status) where webhook_status in ('pending', 'failed');
call install_site_match('form_submissions', 'form_id', 'forms', 'lead_id', 'leads');

create table if not exists quality_flags (
  id uuid primary key default gen_random_uuid(),
  site_id uuid not null references sites (id) on delete cascade,
  article_id uuid not null references generated_articles (id) on delete cascade,
  -- The other article of a near-duplicate pair.
  other_article_id uuid references generated_articles (id) on delete cascade,
  type text not null check (type in ('near_duplicate', 'short', 'unresolved_token', 'invalid_html')),
  -- near_duplicate: estimated Jaccard similarity; short: word count.
  score numeric,
  -- Text both articles share, shown side by side in duplicate review.
  excerpt text,
  details jsonb not null default '{}' check (jsonb_typeof(details) = 'object'),
  status text not null default 'open' check (status in ('open', 'resolved', 'ignored')),
  date_created timestamptz not null default now(),
  date_updated timestamptz,
  constraint quality_flags_pair_check check ((type = 'near_duplicate') = (other_article_id is not null)),
  constraint quality_flags_not_self_check check (other_article_id <> article_id)
);
-- Re-scanning is idempotent: a pair is flagged once whichever article the scan started from,
-- and a single-article problem once per type.
create unique index if not exists quality_flags_pair_key
  on quality_flags (type, least(article_id, other_article_id), greatest(article_id, other_article_id))
  where other_article_id is not null;
create unique index if not exists quality_flags_single_key
  on quality_flags (article_id, type) where other_article_id is null;
create index if not exists quality_flags_site_id_idx on quality_flags (site_id, status);
create index if not exists quality_flags_status_idx on quality_flags (status);
create index if not exists quality_flags_article_id_idx on quality_flags (article_id);
create index if not exists quality_flags_other_article_id_idx on quality_flags (other_article_id);
call install_site_match('quality_flags', 'article_id', 'generated_articles', 'other_article_id', 'generated_articles');

-- MinHash LSH band hashes, one row per article: articles sharing any element of band_hashes with a
-- new one are its duplicate candidates, found through the GIN index (`band_hashes && $1`) across
-- the whole site corpus. Each element already mixes in its band number, so equal hashes in
-- different bands never collide. One array row instead of one row per band costs the worker a
-- thirtieth of the writes.
-- The earlier shape (one row per band) is derived data: it is dropped, and the duplicate scan
-- fingerprints any article that has no row here as it goes.
do $$
begin
  if exists (select 1 from information_schema.columns
             where table_schema = 'public' and table_name = 'article_fingerprints' and column_name = 'band') then
    drop table article_fingerprints;
  end if;
end
$$;
create table if not exists article_fingerprints (
  id uuid primary key default gen_random_uuid(),
  site_id uuid not null references sites (id) on delete cascade,
  article_id uuid not null unique references generated_articles (id) on delete cascade,
  -- The MinHash scheme that computed band_hashes (MINHASH_SCHEME_VERSION in @spark/core): hashes of
  -- another scheme never match, so lookups filter on it and the duplicate scan recomputes old rows.
  minhash_version smallint not null check (minhash_version > 0),
  band_hashes bigint[] not null check (cardinality(band_hashes) > 0),
  date_created timestamptz not null default now()
);
create index if not exists article_fingerprints_site_id_idx on article_fingerprints (site_id);
create index if not exists article_fingerprints_band_hashes_idx on article_fingerprints using gin (band_hashes);
call install_site_match('article_fingerprints', 'article_id', 'generated_articles');

-- Analytics: append-only, range-partitioned by month on occurred_at. The partition key has to be
-- part of every unique constraint, hence primary key (id, occurred_at) and unique
-- (event_id, occurred_at); the tracker's event_id makes buffered re-ingestion idempotent.
-- No raw IP is stored: visitor_hash = hash(daily salt, site, IP, user agent).
create table if not exists pageviews (
  id uuid not null default gen_random_uuid(),
  occurred_at timestamptz not null,
  site_id uuid not null references sites (id) on delete cascade,
  event_id uuid not null,
  visitor_hash text not null,
  session_id text,
  url text not null,
  path text not null,
  referrer_host text,
  utm_source text,
  utm_medium text,
  utm_campaign text,
  utm_term text,
  utm_content text,
  device text check (device in ('desktop', 'mobile', 'tablet', 'other')),
  browser text,
  os text,
  country text check (country ~ '^[A-Z]{2}$'),
  date_created timestamptz not null default now(),
  primary key (id, occurred_at),
  unique (event_id, occurred_at)
) partition by range (occurred_at);
create index if not exists pageviews_site_id_idx on pageviews (site_id, occurred_at);

create table if not exists events (
  id uuid not null default gen_random_uuid(),
  occurred_at timestamptz not null,
  site_id uuid not null references sites (id) on delete cascade,
  event_id uuid not null,
  visitor_hash text not null,
  session_id text,
  url text,
  path text,
  referrer_host text,
  utm_source text,
  utm_medium text,
  utm_campaign text,
  utm_term text,
  utm_content text,
  device text check (device in ('desktop', 'mobile', 'tablet', 'other')),
  browser text,
  os text,
  country text check (country ~ '^[A-Z]{2}$'),
  name text not null check (char_length(name) between 1 and 100),
  props jsonb not null default '{}' check (jsonb_typeof(props) = 'object'),
  date_created timestamptz not null default now(),
  primary key (id, occurred_at),
  unique (event_id, occurred_at)
) partition by range (occurred_at);
create index if not exists events_site_id_idx on events (site_id, occurred_at);
create index if not exists events_name_idx on events (site_id, name, occurred_at);

create table if not exists conversions (
  id uuid not null default gen_random_uuid(),
  occurred_at timestamptz not null,
  site_id uuid not null references sites (id) on delete cascade,
  event_id uuid not null,
  visitor_hash text,
  session_id text,
  url text,
  path text,
  referrer_host text,
  utm_source text,
  utm_medium text,
  utm_campaign text,
  utm_term text,
  utm_content text,
  device text check (device in ('desktop', 'mobile', 'tablet', 'other')),
  browser text,
  os text,
  country text check (country ~ '^[A-Z]{2}$'),
  type text not null check (type in ('lead', 'signup', 'purchase', 'call', 'custom')),
  value numeric(14, 2),
  currency text check (currency ~ '^[A-Z]{3}$'),
  lead_id uuid references leads (id) on delete set null,
  date_created timestamptz not null default now(),
  primary key (id, occurred_at),
  unique (event_id, occurred_at),
  constraint conversions_value_currency_check check (value is null or currency is not null)
) partition by range (occurred_at);
create index if not exists conversions_site_id_idx on conversions (site_id, occurred_at);
create index if not exists conversions_lead_id_idx on conversions (lead_id);

-- Rows outside every monthly partition land here instead of failing ingestion;
-- ensure_analytics_partitions moves them out when their month's partition is created.
create table if not exists analytics_partitions.pageviews_default partition of pageviews default;
create table if not exists analytics_partitions.events_default partition of events default;
create table if not exists analytics_partitions.conversions_default partition of conversions default;

-- Creates the missing monthly partitions (UTC months) of pageviews, events and conversions for
-- `months` months starting at the month of from_month, and returns the names it created.
-- Safe to call repeatedly and concurrently with ingestion; a scheduled job calls it ahead of time.
create or replace function ensure_analytics_partitions(from_month date, months int)
returns setof text
language plpgsql as $$
declare
  parent text;
  part text;
  month_start timestamp;
  lo timestamptz;
  hi timestamptz;
begin
  if months is null or months < 1 then
    raise exception 'months must be a positive number, got %', months;
  end if;
  foreach parent in array array['pageviews', 'events', 'conversions'] loop
    for i in 0 .. months - 1 loop
      month_start := date_trunc('month', from_month::timestamp) + make_interval(months => i);
      lo := month_start at time zone 'UTC';
      hi := (month_start + interval '1 month') at time zone 'UTC';
      part := format('%s_p%s', parent, to_char(month_start, 'YYYY_MM'));
      continue when to_regclass(format('analytics_partitions.%I', part)) is not null;
      -- Rows already in the default partition for this month would make a plain
      -- "partition of" fail, so build the table, move them in, then attach it.
      execute format(
        'create table analytics_partitions.%I (like public.%I including defaults including constraints)',
        part, parent);
      execute format(
        'with moved as (delete from analytics_partitions.%I where occurred_at >= $1 and occurred_at < $2 returning *)
         insert into analytics_partitions.%I select * from moved',
        parent || '_default', part) using lo, hi;
      execute format(
        'alter table public.%I attach partition analytics_partitions.%I for values from (%L) to (%L)',
        parent, part, lo, hi);
      return next part;
    end loop;
  end loop;
end
$$;

select count(*) as analytics_partitions_created
from ensure_analytics_partitions(((now() at time zone 'UTC') - interval '3 months')::date, 7);

-- What dashboards read. One row per site, UTC day and dimension value; dimension 'total' has
-- dimension_value ''. Visitors are daily uniques: the visitor hash rotates with its daily salt,
-- so uniques across days are deliberately not computable.
create table if not exists analytics_daily_rollups (
  id uuid primary key default gen_random_uuid(),
  site_id uuid not null references sites (id) on delete cascade,
  day date not null,
  dimension text not null check (dimension in (
    'total', 'path', 'referrer_host', 'utm_source', 'utm_medium', 'utm_campaign',
    'device', 'browser', 'os', 'country', 'event', 'conversion_type'
  )),
  dimension_value text not null default '',
  pageviews bigint not null default 0 check (pageviews >= 0),
  visitors bigint not null default 0 check (visitors >= 0),
  sessions bigint not null default 0 check (sessions >= 0),
  events bigint not null default 0 check (events >= 0),
  conversions bigint not null default 0 check (conversions >= 0),
  conversion_value numeric(16, 2) not null default 0,
  date_created timestamptz not null default now(),
  date_updated timestamptz,
  unique (site_id, day, dimension, dimension_value)
);

-- Audit trail of god calls, admin actions and jobs. Append-only, pruned by a retention job.
create table if not exists work_log (
  id uuid primary key default gen_random_uuid(),
  -- Set null (not cascade): the entry recording a site's deletion must outlive the site.
  site_id uuid references sites (id) on delete set null,
  action text not null,
  entity_type text,
  entity_id text,
  details jsonb not null default '{}' check (jsonb_typeof(details) = 'object'),
  level text not null default 'info' check (level in ('debug', 'info', 'warning', 'error')),
  -- A directus_users id. No FK: Directus creates directus_users after this schema is applied,
  -- and log entries must survive the user's deletion anyway.
  user_id uuid,
  timestamp timestamptz not null default now()
);
create index if not exists work_log_site_timestamp_idx on work_log (site_id, timestamp desc, id desc);
create index if not exists work_log_timestamp_idx on work_log (timestamp);
create index if not exists work_log_level_idx on work_log (level);
create index if not exists work_log_entity_type_idx on work_log (entity_type);
create index if not exists work_log_action_idx on work_log (action);

-- Which Directus users may work on which site, and how.
create table if not exists site_members (
  id uuid primary key default gen_random_uuid(),
  site_id uuid not null references sites (id) on delete cascade,
  -- A directus_users id. No FK: directus_users is created by Directus after this schema.
  user_id uuid not null,
  role text not null default 'viewer' check (role in ('owner', 'editor', 'viewer')),
  date_created timestamptz not null default now(),
  date_updated timestamptz,
  unique (site_id, user_id)
);
create index if not exists site_members_user_id_idx on site_members (user_id);

select install_date_updated_triggers();

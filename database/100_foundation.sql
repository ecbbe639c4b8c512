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
-- Radius queries measure in metres on the sphere (ST_DWithin(geom::geography, ...)), which the geometry index
-- cannot serve: over the national gazetteer that is a 0.1 ms index scan instead of a 0.4 s sequential scan.
create index if not exists geo_cities_geography_idx on geo_cities using gist ((geom::geography));
create index if not exists geo_cities_zip_codes_idx on geo_cities using gin (zip_codes);
-- Stable keys of the national gazetteer import (packages/setup/src/geography): states by USPS code and FIPS,
-- counties by five-digit FIPS, places by GeoNames id. Rows from blueprints have none until the import adopts them.
alter table geo_states add column if not exists fips text check (fips ~ '^[0-9]{2}$');
create unique index if not exists geo_states_fips_key on geo_states (fips);
alter table geo_cities add column if not exists geonames_id integer check (geonames_id > 0);
create unique index if not exists geo_cities_geonames_id_key on geo_cities (geonames_id);
-- The admin place picker searches by case-insensitive name prefix (lower(name) like 'abc%') over ~20k places.
create index if not exists geo_cities_name_prefix_idx on geo_cities (lower(name) text_pattern_ops);
create index if not exists geo_counties_name_prefix_idx on geo_counties (lower(name) text_pattern_ops);

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
-- How many articles to generate when the campaign is set to active (0 = none); at most one job's worth.
alter table campaign_masters add column if not exists auto_generate int not null default 0
  check (auto_generate between 0 and 10000);
create index if not exists campaign_masters_status_idx on campaign_masters (status);
create index if not exists campaign_masters_target_state_id_idx on campaign_masters (target_state_id);
create index if not exists campaign_masters_target_county_id_idx on campaign_masters (target_county_id);
create index if not exists campaign_masters_target_city_id_idx on campaign_masters (target_city_id);
create index if not exists campaign_masters_template_id_idx on campaign_masters (template_id);
call install_site_match('campaign_masters', 'template_id', 'article_templates', 'avatar_ids[]', 'avatar_intelligence');

select install_date_updated_triggers();

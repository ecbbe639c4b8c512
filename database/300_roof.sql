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
-- The optional references are looked up by value only (`on delete set null`, the orphan report): rows without
-- one stay out of their index, so recording a link does not write a null entry into each.
create index if not exists article_links_target_article_id_idx
  on article_links (target_article_id) where target_article_id is not null;
create index if not exists article_links_target_hub_page_id_idx
  on article_links (target_hub_page_id) where target_hub_page_id is not null;
create index if not exists article_links_link_target_id_idx
  on article_links (link_target_id) where link_target_id is not null;
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
-- The header draws this item as its call-to-action button rather than as a menu link.
alter table navigation add column if not exists is_cta boolean not null default false;
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
-- new one are its duplicate candidates, found through the GIN index (`band_hashes && $1`) for a few
-- articles, or, for a whole-site scan, by one group-by over the unnested bands. Each element already mixes in its band number, so equal hashes in
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
-- The MinHash signature the band hashes were cut from (128 unsigned 32-bit values, little-endian), written
-- with them: the duplicate scan estimates a candidate pair's similarity from it instead of reading and hashing
-- both articles again. Null on rows written before it existed; the scan fills those in.
alter table article_fingerprints add column if not exists signature bytea;
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

-- Hourly totals (the 'total' dimension only) for the hourly view of short ranges, written by the same job and
-- transaction as the daily rollups so the two always cover the same rows: pageviews, events, conversions and
-- conversion_value of a day's hours add up to that day's 'total' row. Visitors and sessions are uniques per
-- hour, so they do not add up to the daily uniques. `hour` is the start of a UTC hour.
create table if not exists analytics_hourly_rollups (
  id uuid primary key default gen_random_uuid(),
  site_id uuid not null references sites (id) on delete cascade,
  hour timestamptz not null,
  pageviews bigint not null default 0 check (pageviews >= 0),
  visitors bigint not null default 0 check (visitors >= 0),
  sessions bigint not null default 0 check (sessions >= 0),
  events bigint not null default 0 check (events >= 0),
  conversions bigint not null default 0 check (conversions >= 0),
  conversion_value numeric(16, 2) not null default 0,
  date_created timestamptz not null default now(),
  date_updated timestamptz,
  unique (site_id, hour)
);

-- Audit trail of god calls, admin actions and jobs. Append-only, pruned by a retention job.
create table if not exists work_log (
  id uuid primary key default gen_random_uuid(),
  -- The site the entry is about. Deliberately no foreign key: entries stay attributed to a deleted site
  -- (visible to administrators, never turned into platform-wide rows) until retention removes them.
  site_id uuid,
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
-- Earlier versions nulled site_id when the site was deleted, which exposed a tenant's history as
-- platform-wide rows.
alter table work_log drop constraint if exists work_log_site_id_fkey;

-- The log is append-only, enforced here so no door (Directus, the admin API, a bug) can rewrite or
-- erase history. The only deletion is retention: trim_work_log() below, which sets a transaction-local
-- flag the trigger accepts.
create or replace function refuse_work_log_change() returns trigger
language plpgsql as $$
begin
  if tg_op = 'DELETE' and current_setting('spark.work_log_trim', true) = 'on' then
    return null;
  end if;
  raise exception 'work_log is append-only: entries cannot be changed or deleted';
end
$$;
create or replace trigger work_log_append_only before update or delete or truncate on work_log
  for each statement execute function refuse_work_log_change();

-- Deletes up to `max_rows` entries older than `retention_days` days and says how many; the retention
-- job calls it in slices so a large backlog never holds a long lock.
create or replace function trim_work_log(retention_days int, max_rows int) returns bigint
language plpgsql as $$
declare
  deleted bigint;
begin
  if retention_days is null or retention_days < 1 then
    raise exception 'work_log retention must be at least one day, got %', retention_days;
  end if;
  perform set_config('spark.work_log_trim', 'on', true);
  delete from work_log where id in (
    select id from work_log where "timestamp" < now() - make_interval(days => retention_days) limit max_rows
  );
  get diagnostics deleted = row_count;
  perform set_config('spark.work_log_trim', 'off', true);
  return deleted;
end
$$;

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

-- The render store: public article pages rendered ahead of their first visitor (at publish time), so a page
-- nobody asked for yet is served without rendering. In its own schema, out of Directus's sight: rows are
-- finished HTML written only by the frontend after the sanitiser ran, so no editor door may write them.
-- url is the page cache key (origin + path); site_version the whole-site content version the page was
-- rendered under (a lookup under another version misses); tags what the page shows (article ids, city),
-- so an article change deletes exactly the pages that show or would show it.
create schema if not exists render_store;
create table if not exists render_store.rendered_pages (
  site_id uuid not null references sites (id) on delete cascade,
  url text not null,
  site_version text not null,
  tags text[] not null default '{}',
  status smallint not null check (status between 200 and 599),
  headers jsonb not null default '[]' check (jsonb_typeof(headers) = 'array'),
  body bytea not null,
  -- The body's content hash (base64url), the base of every representation's ETag.
  hash text not null,
  rendered_at timestamptz not null default now(),
  primary key (site_id, url)
);
create index if not exists rendered_pages_tags_idx on render_store.rendered_pages using gin (tags);
-- Bumped in the same transaction as every delete of a site's rows: a render that read the epoch before an
-- invalidation stores only if the epoch is unchanged, so it can never write back what was just removed.
create table if not exists render_store.rendered_page_epochs (
  site_id uuid primary key references sites (id) on delete cascade,
  epoch bigint not null default 0
);
-- Pages to render into the store ahead of their first visitor: newly published articles and the stored pages
-- an invalidation deleted. The worker claims them (oldest first) and asks the frontend for each, under the
-- site's primary domain. A queue in the database, not Redis: it is filled in the invalidation's transaction,
-- so a page can neither be left wanted for a deleted row that never existed nor missed for one deleted.
create table if not exists render_store.wanted_pages (
  site_id uuid not null references sites (id) on delete cascade,
  path text not null check (path like '/%'),
  wanted_at timestamptz not null default now(),
  primary key (site_id, path)
);
create index if not exists wanted_pages_wanted_at_idx on render_store.wanted_pages (wanted_at);

select install_date_updated_triggers();

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
call install_site_match('headline_inventory', 'campaign_id', 'campaign_masters', 'claimed_by_job', 'generation_jobs', 'avatar_id', 'avatar_intelligence');

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
-- Read paths at 100,000 articles a site walk these in order instead of sorting the site: a review-board column
-- (one status, oldest first; the scheduled column by publish time; the published one newest first) reads a page
-- as an index-only range, and a sitemap child reads its slugs and dates from the covering sitemap index.
create index if not exists generated_articles_status_idx
  on generated_articles (site_id, status, date_created, id);
create index if not exists generated_articles_due_idx
  on generated_articles (publish_at) where status = 'scheduled';
create index if not exists generated_articles_scheduled_idx
  on generated_articles (site_id, publish_at, id) where status = 'scheduled';
create index if not exists generated_articles_published_idx
  on generated_articles (site_id, published_at desc, id) where status = 'published';
create index if not exists generated_articles_sitemap_idx
  on generated_articles (site_id, slug) include (published_at, date_updated) where status = 'published';
create index if not exists generated_articles_slug_idx on generated_articles (slug);
-- A site's published articles by the most specific place they are stored under (city, else county, else state),
-- then title and slug byte-wise: an area hub page reads its places' articles by the leading expression, an article
-- finds its next one in its place as one index step, and the per-place counts and dates of the hubs group the
-- site's rows from this index alone, without the table.
create index if not exists generated_articles_place_idx
  on generated_articles (site_id, (coalesce(city_id, county_id, state_id)), title collate "C", slug collate "C")
  include (state_id, county_id, city_id, published_at, date_updated) where status = 'published';
-- A review-board column filtered by city (a name prefix, resolved to the cities' ids first): the capped count is an
-- index-only probe per city, and the page sorts only the matching rows, instead of walking the whole column.
create index if not exists generated_articles_board_city_idx on generated_articles (site_id, status, city_id);
create index if not exists generated_articles_campaign_id_idx on generated_articles (campaign_id, status);
-- A campaign's articles in id order: the worker's passes over a campaign (insert-links) page by keyset
-- (`campaign_id = $1 and id > $2 order by id limit n`); without it each page sorts the whole campaign.
create index if not exists generated_articles_campaign_keyset_idx on generated_articles (campaign_id, id);
create index if not exists generated_articles_job_id_idx on generated_articles (job_id);
create index if not exists generated_articles_headline_id_idx on generated_articles (headline_id);
create index if not exists generated_articles_author_id_idx on generated_articles (author_id);
create index if not exists generated_articles_state_id_idx on generated_articles (state_id);
create index if not exists generated_articles_county_id_idx on generated_articles (county_id);
create index if not exists generated_articles_city_id_idx on generated_articles (city_id);
create index if not exists generated_articles_avatar_id_idx on generated_articles (avatar_id);
-- The publish gate: an article with an open quality flag (short, near_duplicate, unresolved_token,
-- invalid_html; either side of a duplicate pair) is held back unless a person overrode the gate for it.
-- The override is remembered here so the scheduled publisher honours it later; it covers the flags that
-- existed at quality_override_at, so a flag raised afterwards holds the article back again. Returning
-- the article to review clears it. quality_override_by is the user id (no foreign key: Directus users
-- live outside this schema, like work_log.user_id).
alter table generated_articles add column if not exists quality_override_at timestamptz;
alter table generated_articles add column if not exists quality_override_by uuid;
-- Article bodies (about 10 kB each) are compressed with lz4 rather than the default pglz: writing a body
-- (generation, insert-links rewriting every body of a campaign) compresses it, and every page read decompresses
-- it, both several times faster with lz4. Bodies stored before keep their compression until rewritten. A server
-- built without lz4 keeps pglz.
do $$
begin
  if (select attcompression from pg_attribute
      where attrelid = 'public.generated_articles'::regclass and attname = 'html_content') <> 'l' then
    alter table generated_articles alter column html_content set compression lz4;
  end if;
exception when feature_not_supported then
  null;
end
$$;

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
  -- The sales pipeline: new -> contacted -> qualified -> won or lost; spam is set by screening or by hand.
  status text not null default 'new'
    check (status in ('new', 'contacted', 'qualified', 'won', 'lost', 'spam')),
  date_created timestamptz not null default now(),
  date_updated timestamptz,
  constraint leads_consent_text_check check (not consent or consent_text is not null)
);
create index if not exists leads_site_id_idx on leads (site_id, date_created desc);
create index if not exists leads_form_id_idx on leads (form_id);
create index if not exists leads_status_idx on leads (status);
create index if not exists leads_email_idx on leads (site_id, lower(email));
-- Why a submission was judged automated (honeypot, too_fast, forged_token, no_fill_time); such leads are kept
-- with status 'spam' for the site's marketers to review, and get no conversion row and no webhook.
alter table leads add column if not exists spam_reason text;
call install_site_match('leads', 'form_id', 'forms');

-- What the site's marketers wrote about a lead while working it; kept with who wrote it and when.
create table if not exists lead_notes (
  id uuid primary key default gen_random_uuid(),
  site_id uuid not null references sites (id) on delete cascade,
  lead_id uuid not null references leads (id) on delete cascade,
  -- A Directus user id without a foreign key: directus_users is created after this schema.
  author_id uuid,
  body text not null check (length(body) between 1 and 5000),
  date_created timestamptz not null default now(),
  date_updated timestamptz
);
create index if not exists lead_notes_lead_id_idx on lead_notes (lead_id, date_created);
create index if not exists lead_notes_site_id_idx on lead_notes (site_id);
call install_site_match('lead_notes', 'lead_id', 'leads');

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
-- Installed here rather than next to generated_articles: fragment_ids points at content_fragments.
call install_site_match('generated_articles', 'campaign_id', 'campaign_masters', 'job_id', 'generation_jobs',
  'headline_id', 'headline_inventory', 'author_id', 'authors', 'avatar_id', 'avatar_intelligence',
  'fragment_ids[]', 'content_fragments');

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

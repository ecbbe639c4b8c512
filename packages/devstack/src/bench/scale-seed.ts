import {
  computeBandHashes,
  createMinHasher,
  DEFAULT_BANDING,
  htmlToText,
  MINHASH_SCHEME_VERSION,
} from '@spark/core';
import type { Pool } from '@spark/db';

/**
 * Seeds one campaign of a site with published articles the way the worker leaves them: a ~1,200-word body
 * (24 sections drawn from a pool of 600 paragraphs, so two articles share a paragraph or two and almost never
 * more), the city, county, state and avatar of a real place, title/slug/meta/schema/word count, and the
 * article's LSH fingerprint row computed with the same MinHash scheme the generator uses. One article in
 * 200 repeats its predecessor's sections (another city, same text): the near-duplicates a scan must find.
 * Rows are written with INSERT … SELECT generate_series, fingerprints in pages through the engine's functions.
 */

const PARAGRAPHS = 600;
const SECTIONS = 24;
/** Rows per INSERT … SELECT statement (one transaction each). */
const ROWS_PER_STATEMENT = 10_000;
/** Articles fingerprinted per round trip. */
const FINGERPRINT_PAGE = 1_000;
/** One article in this many copies the sections of the one before it. */
const NEAR_COPY_EVERY = 200;

const VOCABULARY =
  'roof shingle storm crew estimate warranty gutter flashing attic decking insurance claim repair replacement inspection material metal tile leak ventilation budget schedule permit neighbour season weather hail wind quality service homeowner contractor ridge valley chimney skylight underlayment membrane fascia soffit drip edge granule algae moss ice dam sealant nail pitch slope truss rafter sheathing energy solar panel cost quote invoice deposit financing timeline cleanup debris dumpster safety harness ladder tarp emergency leakproof durable licensed insured local family owned years experience review rating referral guarantee manufacturer certified install upgrade replace patch seal clean inspect measure photograph document explain compare recommend finish'.split(
    ' ',
  );
const HEADINGS = [
  'What to expect',
  'Costs and quotes',
  'Storm damage',
  'Choosing a contractor',
  'Materials compared',
  'Insurance claims',
  'Maintenance tips',
  'Local permits',
  'Common questions',
  'Warranty terms',
  'Emergency repairs',
  'Energy savings',
];
const TOPICS = [
  'Roof Repair',
  'Roof Replacement',
  'Roofing Contractors',
  'Roof Inspection',
  'Storm Damage Repair',
];
const ANGLES = ['Costs', 'Experts', 'Guide', 'Quotes', 'Services', 'Pros'];

/** A seeded PRNG (mulberry32): the pool is the same in every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Paragraphs of 40–60 words; some name the article's place, its avatar or a nearby place (anchor text). */
function paragraphPool(): { texts: string[]; words: number[] } {
  const next = random(16);
  const texts: string[] = [];
  const words: number[] = [];
  for (let p = 0; p < PARAGRAPHS; p += 1) {
    const length = 40 + Math.floor(next() * 21);
    const sentence: string[] = [];
    for (let w = 0; w < length; w += 1)
      sentence.push(VOCABULARY[Math.floor(next() * VOCABULARY.length)] ?? '');
    if (p % 3 === 0) sentence.splice(5, 1, '{City}');
    if (p % 7 === 0) sentence.splice(17, 1, '{Avatar}');
    if (p % 5 === 0) sentence.splice(29, 1, 'near {Nearby}');
    texts.push(`${sentence.join(' ')}.`);
    words.push(sentence.join(' ').split(' ').length);
  }
  return { texts, words };
}

/**
 * Inserts `count` published articles into the campaign; returns the number written. Places cycle through
 * the gazetteer's cities (about a hundred articles per city at 100,000), avatars through the site's.
 */
export async function seedArticles(
  pool: Pool,
  target: { siteId: string; campaignId: string },
  count: number,
  onProgress: (written: number) => void,
): Promise<number> {
  const { texts, words } = paragraphPool();
  let written = 0;
  for (let from = 0; from < count; from += ROWS_PER_STATEMENT) {
    const to = Math.min(count, from + ROWS_PER_STATEMENT) - 1;
    const { rowCount } = await pool.query(
      `with cities as (
         select c.id, c.name, c.county_id, c.state_id, s.code as state_code,
                (row_number() over (order by c.id) - 1)::int as k, count(*) over ()::int as total,
                (select n.name from geo_cities n where n.id <> c.id and n.geom is not null and n.name <> c.name
                 order by n.geom <-> c.geom limit 1) as nearby
         from geo_cities c join geo_states s on s.id = c.state_id
         where c.geom is not null
       ),
       avatars as (
         select id, name, (row_number() over (order by id) - 1)::int as k, count(*) over ()::int as total
         from avatar_intelligence where site_id = $1
       ),
       articles as (
         select n, c.id as city_id, c.name as city, c.county_id, c.state_id, c.state_code, c.nearby,
                a.id as avatar_id, a.name as avatar,
                $6::text[] as topics, $7::text[] as angles,
                -- a near-copy draws its predecessor's sections
                case when n % $10 = $10 - 1 then n - 1 else n end as draw
         from generate_series($3::int, $4::int) as n
         join cities c on c.k = n % c.total
         join avatars a on a.k = (n / c.total) % a.total
       ),
       titled as (
         select *, topics[1 + n % cardinality(topics)] || ' ' || angles[1 + (n / 7) % cardinality(angles)]
                   || ' in ' || city || ', ' || state_code as title
         from articles
       ),
       bodies as (
         select t.*, b.html, b.words
         from titled t,
         lateral (
           select string_agg(
                    case when i % 4 = 0 then '<h2>' || ($9::text[])[1 + (t.draw + i) % cardinality($9::text[])] || '</h2>' else '' end
                    || '<p>' || replace(replace(replace(($5::text[])[p], '{City}', t.city), '{Avatar}', t.avatar),
                                        '{Nearby}', coalesce(t.nearby, t.city)) || '</p>',
                    '' order by i) as html,
                  sum(($8::int[])[p])::int as words
           from generate_series(0, ${SECTIONS - 1}) as i,
                lateral (select 1 + abs(hashint8(t.draw::bigint * 1000 + i)::bigint) % cardinality($5::text[]) as p) pick
         ) b
       )
       insert into generated_articles (site_id, campaign_id, title, slug, html_content, excerpt, meta_title,
                                       meta_description, schema_json, word_count, state_id, county_id, city_id,
                                       avatar_id, status, published_at, generation_key)
       select $1, $2::uuid, title,
              trim(both '-' from regexp_replace(lower(title), '[^a-z0-9]+', '-', 'g')) || '-' || n,
              html,
              left('Straight answers about ' || lower(title) || ' for ' || avatar || 's.', 300),
              left(title, 60),
              left('What ' || lower(title) || ' costs, how long it takes and how to choose a crew.', 155),
              jsonb_build_object('@context', 'https://schema.org', '@type', 'Article', 'headline', title),
              words, state_id, county_id, city_id, avatar_id, 'published',
              now() - make_interval(secs => n), 'seed:' || $2::text || ':' || n
       from bodies
       on conflict do nothing`,
      [target.siteId, target.campaignId, from, to, texts, TOPICS, ANGLES, words, HEADINGS, NEAR_COPY_EVERY],
    );
    written += rowCount ?? 0;
    onProgress(written);
  }
  return written;
}

/** article_fingerprints.signature as hex: the values as unsigned 32-bit little-endian. */
function storedSignature(signature: Uint32Array): string {
  const bytes = Buffer.alloc(signature.length * 4);
  for (let i = 0; i < signature.length; i += 1) bytes.writeUInt32LE(signature[i] as number, i * 4);
  return bytes.toString('hex');
}

/**
 * The fingerprint rows the generator writes with each article (worker/src/generation/fingerprint.ts: the
 * platform's MinHash hasher and banding over the article's text, and the signature), for the campaign's articles lacking one.
 */
export async function fingerprintArticles(pool: Pool, campaignId: string): Promise<number> {
  const hasher = createMinHasher();
  let after = '00000000-0000-0000-0000-000000000000';
  let done = 0;
  for (;;) {
    const { rows } = await pool.query<{ id: string; site_id: string; html_content: string }>(
      `select a.id, a.site_id, a.html_content from generated_articles a
       where a.campaign_id = $1 and a.id > $2
         and not exists (select 1 from article_fingerprints f where f.article_id = a.id)
       order by a.id limit $3`,
      [campaignId, after, FINGERPRINT_PAGE],
    );
    const last = rows.at(-1);
    if (!last) return done;
    after = last.id;
    const signatures = rows.map((row) => hasher.signature(htmlToText(row.html_content)));
    await pool.query(
      `insert into article_fingerprints (site_id, article_id, minhash_version, band_hashes, signature)
       select $1, t.article_id, $4, t.band_hashes::bigint[], decode(t.signature, 'hex')
       from unnest($2::uuid[], $3::text[], $5::text[]) as t(article_id, band_hashes, signature)
       on conflict (article_id) do nothing`,
      [
        last.site_id,
        rows.map((row) => row.id),
        signatures.map((signature) => `{${computeBandHashes(signature, DEFAULT_BANDING).join(',')}}`),
        MINHASH_SCHEME_VERSION,
        signatures.map(storedSignature),
      ],
    );
    done += rows.length;
  }
}

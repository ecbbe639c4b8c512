import type { Pool } from '@spark/db';

/**
 * A tenant whose library yields ~1,200-word articles: six fragment types × three fragments of ~200 words,
 * a spintax choice every seventh word or so and the usual variables — roughly what a real roofing
 * library looks like, only longer. Built with plain SQL so the benchmark owns its data.
 */
const TYPES = ['intro', 'problem', 'solution', 'local_proof', 'faq', 'closing'];
const WORDS =
  'roof shingle storm crew estimate warranty gutter flashing attic decking insurance claim repair replacement inspection material metal tile leak ventilation budget schedule permit neighbour season weather hail wind quality service'.split(
    ' ',
  );
const CHOICES = [
  '{quick|fast|prompt}',
  '{honest|clear|plain}',
  '{local|nearby|regional}',
  '{careful|thorough|detailed}',
];
const VARIABLES = ['{City}', '{State}', '{Avatar_Name}', '{Niche}', '{State_Code}'];

/** Deterministic pseudo-prose: ~`words` words in paragraphs, a choice or variable every few words. */
function prose(seed: number, words: number): string {
  const paragraphs: string[] = [];
  let sentence: string[] = [];
  let paragraph: string[] = [];
  for (let i = 0; i < words; i += 1) {
    const n = (seed * 7919 + i * 104_729) % 1_000_003;
    if (i % 7 === 3) sentence.push(CHOICES[n % CHOICES.length] as string);
    else if (i % 23 === 11) sentence.push(VARIABLES[n % VARIABLES.length] as string);
    else sentence.push(WORDS[n % WORDS.length] as string);
    if (sentence.length >= 12) {
      paragraph.push(`${sentence.join(' ')}.`);
      sentence = [];
    }
    if (paragraph.length >= 4) {
      paragraphs.push(`<p>${paragraph.join(' ')}</p>`);
      paragraph = [];
    }
  }
  if (sentence.length > 0) paragraph.push(`${sentence.join(' ')}.`);
  if (paragraph.length > 0) paragraphs.push(`<p>${paragraph.join(' ')}</p>`);
  return paragraphs.join('\n');
}

export interface BenchLibrary {
  siteId: string;
  templateId: string;
  avatarIds: string[];
}

export async function createBenchLibrary(pool: Pool): Promise<BenchLibrary> {
  const site = await pool.query<{ id: string }>(
    `insert into sites (name, domain) values ('Bench Roofing', 'bench-' || substr(md5(random()::text), 1, 8) || '.localhost')
     returning id`,
  );
  const siteId = site.rows[0]?.id ?? '';
  const template = await pool.query<{ id: string }>(
    `insert into article_templates (site_id, name, fragment_types) values ($1, 'Long guide', $2) returning id`,
    [siteId, JSON.stringify(TYPES)],
  );
  let seed = 1;
  for (const type of TYPES) {
    for (let k = 0; k < 3; k += 1) {
      const heading =
        type === 'intro' ? '' : `<h2>{Guide to|Notes on} ${type.replace('_', ' ')} in {City}</h2>`;
      await pool.query('insert into content_fragments (site_id, fragment_type, body) values ($1, $2, $3)', [
        siteId,
        type,
        `${heading}${prose(seed, 200)}`,
      ]);
      seed += 1;
    }
  }
  const avatars = await pool.query<{ id: string }>(
    `insert into avatar_intelligence (site_id, name)
     values ($1, 'Homeowner'), ($1, 'Landlord'), ($1, 'Property Manager'), ($1, 'First-Time Buyer'), ($1, 'Builder')
     returning id`,
    [siteId],
  );
  return { siteId, templateId: template.rows[0]?.id ?? '', avatarIds: avatars.rows.map((row) => row.id) };
}

/** Three patterns of 48 headline variants each: 144 × ~1,000 cities of the test gazetteer × 5 avatars. */
export const BENCH_PATTERNS = [
  '{Best|Top|Trusted|Leading} {Niche} {Experts|Pros|Specialists|Companies} in {City}, {State_Code} {2026|Today|This Year}',
  '{Niche} {Costs|Prices|Quotes|Estimates} in {City}: {A Guide|What to Know|Straight Answers|The Facts} for {Avatar_Name}s {Now|Today|in 2026}',
  '{How to Choose|Choosing|Finding|Hiring} {Niche} {Help|Crews|Contractors|Teams} Near {City} {Fast|Safely|Wisely}',
].join('\n');

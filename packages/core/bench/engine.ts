/**
 * CPU cost of the generation worker's engine part, per article. Mirrors worker/src/generation:
 * prepareFragments / parseSpintax once per "chunk" (production-context.ts), then per headline
 * assembleArticle → htmlToText → MinHash signature → LSH band hashes (assemble-batch.ts).
 *
 *   node --import tsx packages/core/bench/engine.ts [articles]
 *
 * Prints CPU µs per article for each stage (each timed in its own loop over the same inputs) and for
 * the whole per-article path as the worker runs it. The median of several rounds is reported. The
 * htmlToText row is the function on its own: assembleArticle runs it once (article.text) and the
 * worker reuses that, so it is part of the assembleArticle row as well, and the total is not the sum.
 * "of which shingling" is shingleHashList alone (word and shingle hashes), the part of the signature
 * row that is not MinHash; it is not counted in the sum.
 */

import { shingleHashList } from '../src/dedupe/shingles.js';
import {
  type AssembleArticleInput,
  type AssembledArticle,
  assembleArticle,
  buildArticleBindings,
  computeBandHashes,
  createMinHasher,
  DEFAULT_BANDING,
  htmlToText,
  type OfferBlock,
  parseSpintax,
  prepareFragments,
  type RawFragment,
} from '../src/index.js';

const ARTICLES = Number(process.argv[2] ?? 2000);
const WARMUP = 1000;
const ROUNDS = 3;

/** Small deterministic generator so every run builds the same library. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 0x1_0000_0000;
  };
}

const WORDS = `service team home local repair install inspect replace clean check water heater drain pipe leak
roof gutter window door floor wall paint crew owner family business customer quote price estimate
fast quick careful honest friendly licensed insured trained certified experienced modern reliable
every day week month year season morning evening weekend schedule visit call answer explain plan
small large old new simple complex common rare minor major urgent routine annual regular seasonal
project job task problem solution question result warranty guarantee standard code permit safety
material part tool truck van equipment system unit device filter valve pump tank line fixture`
  .split(/\s+/)
  .filter((word) => word !== '');
const VARIABLES = ['{City}', '{State}', '{Niche}'];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

/** A spintax sentence: plain words, `{a|b|c}` groups (some nested) and variables. */
function sentence(rand: () => number, words: number): string {
  const parts: string[] = [];
  let written = 0;
  while (written < words) {
    const roll = rand();
    if (roll < 0.08) {
      parts.push(pick(rand, VARIABLES));
      written += 1;
    } else if (roll < 0.3) {
      const options = Array.from({ length: 2 + Math.floor(rand() * 3) }, () =>
        rand() < 0.2 ? `${pick(rand, WORDS)} {${pick(rand, WORDS)}|${pick(rand, WORDS)}}` : pick(rand, WORDS),
      );
      parts.push(`{${options.join('|')}}`);
      written += 1;
    } else {
      parts.push(pick(rand, WORDS));
      written += 1;
    }
  }
  const text = parts.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** ~150 rendered words: a heading and two or three paragraphs, like a library fragment. */
function fragmentBody(rand: () => number): string {
  const heading = `<h2>{${sentence(rand, 4).slice(0, -1)}|${sentence(rand, 5).slice(0, -1)}} in {City}</h2>`;
  const paragraphs: string[] = [];
  for (let words = 0; words < 125; ) {
    const length = 8 + Math.floor(rand() * 10);
    const sentences = Array.from({ length: 3 }, () => sentence(rand, length));
    words += length * 3;
    const emphasis = rand() < 0.3 ? ` <strong>{Call|Phone|Text} us</strong> &amp; save.` : '';
    paragraphs.push(`<p>${sentences.join(' ')}${emphasis}</p>`);
  }
  return `${heading}\n${paragraphs.join('\n')}`;
}

const SLOT_TYPES = ['intro', 'why', 'services', 'process', 'pricing', 'offer', 'faq', 'closing'];
const rand = lcg(42);
const rawFragments: RawFragment[] = SLOT_TYPES.filter((type) => type !== 'offer').flatMap((type) =>
  Array.from({ length: 6 }, (_, i) => ({
    id: `${type}-${i}`,
    type,
    body: fragmentBody(rand),
    usageCount: 0,
  })),
);
const { fragments: library, errors } = prepareFragments(rawFragments, {});
if (errors.length > 0) throw new Error(`bench library does not parse: ${errors[0]?.error.message}`);

// As production-context.ts builds offer blocks from their columns.
const offers: OfferBlock[] = Array.from({ length: 3 }, (_, i) => ({
  id: `offer-${i}`,
  avatarId: i === 0 ? null : `avatar-${i}`,
  body: parseSpintax(
    `<h3>{Get|Claim} {a free|your} {Niche} quote</h3><p>${sentence(rand, 25)}</p><p><a href="https://alpha.test/quote?src=${i}&amp;c={City}">{Call|Book} now</a></p>`,
  ),
}));

const CITIES = [
  ['Austin', 'Travis', 'Texas', 'TX'],
  ['Dallas', 'Dallas', 'Texas', 'TX'],
  ['Denver', 'Denver', 'Colorado', 'CO'],
  ['Portland', 'Multnomah', 'Oregon', 'OR'],
  ['Tampa', 'Hillsborough', 'Florida', 'FL'],
  ["Coeur d'Alene", 'Kootenai', 'Idaho', 'ID'],
] as const;
const nicheVariables = { Niche: 'plumbing', Service_Type: 'drain cleaning' };
const site = { name: 'Alpha Plumbing', url: 'https://alpha.test' };
const now = new Date('2025-06-15T12:00:00Z');

interface Headline {
  text: string;
  variantKey: string;
  avatarId: string | null;
  city: (typeof CITIES)[number];
}

function headlines(count: number, offset: number): Headline[] {
  return Array.from({ length: count }, (_, n) => {
    const i = n + offset;
    const city = CITIES[i % CITIES.length] as (typeof CITIES)[number];
    return {
      text: `${['Best', 'Top', 'Trusted'][i % 3]} Plumbing Pros in ${city[0]}, ${city[3]} #${i}`,
      variantKey: `camp-1:p${i % 4}:${city[0]}:-:-:${i}`,
      avatarId: i % 2 === 0 ? 'avatar-1' : null,
      city,
    };
  });
}

/** One chunk's mutable state, as ProductionContext keeps it. */
function newContext() {
  return { usage: new Map(library.map((f) => [f.id, f.usageCount])), takenSlugs: new Set<string>() };
}

function inputFor(context: ReturnType<typeof newContext>, headline: Headline): AssembleArticleInput {
  const [city, county, state, stateCode] = headline.city;
  return {
    campaignId: 'camp-1',
    variantKey: headline.variantKey,
    slotTypes: SLOT_TYPES,
    fragments: library.map((fragment) => ({ ...fragment, usageCount: context.usage.get(fragment.id) ?? 0 })),
    offerBlocks: offers,
    avatarId: headline.avatarId,
    headline: headline.text,
    bindings: buildArticleBindings({
      location: { city, county, state, stateCode },
      avatarName: 'homeowner',
      niche: nicheVariables.Niche,
      nicheVariables,
      now,
    }),
    site,
    locationName: `${city}, ${stateCode}`,
    takenSlugs: context.takenSlugs,
    targetWordCount: 1200,
  };
}

function assembleOk(context: ReturnType<typeof newContext>, headline: Headline): AssembledArticle {
  const result = assembleArticle(inputFor(context, headline));
  if (!result.ok) throw new Error(result.failures.map((failure) => failure.message).join('; '));
  const { article } = result;
  context.takenSlugs.add(article.slug);
  for (const id of article.fragmentIds) context.usage.set(id, (context.usage.get(id) ?? 0) + 1);
  return article;
}

const hasher = createMinHasher();
let sink = 0; // keeps results alive so nothing is optimised away

/** CPU time (user + system, all threads: GC included) in µs per item; steadier than wall time on a busy machine. */
function timeLoop<T>(items: readonly T[], run: (item: T) => void): number {
  const start = process.cpuUsage();
  for (const item of items) run(item);
  const { user, system } = process.cpuUsage(start);
  return (user + system) / items.length;
}

interface Round {
  assemble: number;
  text: number;
  signature: number;
  shingling: number;
  bands: number;
  total: number;
}

function round(offset: number): Round {
  const batch = headlines(ARTICLES, offset);
  const assembleContext = newContext();
  const articles: AssembledArticle[] = [];
  const assemble = timeLoop(batch, (headline) => {
    articles.push(assembleOk(assembleContext, headline));
  });
  const texts: string[] = [];
  const text = timeLoop(articles, (article) => {
    texts.push(htmlToText(article.html));
  });
  const signatures: Uint32Array[] = [];
  const signature = timeLoop(texts, (t) => {
    signatures.push(hasher.signature(t));
  });
  // The shingling part of the signature stage on its own (word and shingle hashes, no MinHash).
  const shingling = timeLoop(texts, (t) => {
    sink += shingleHashList(t)[0] ?? 0;
  });
  const bands = timeLoop(signatures, (s) => {
    sink += computeBandHashes(s, DEFAULT_BANDING)[0] ?? 0;
  });
  // The whole per-article path in one loop, exactly as assembleBatch runs it (the fingerprint is
  // taken of article.text, the htmlToText(html) assembleArticle already computed).
  const totalContext = newContext();
  const total = timeLoop(batch, (headline) => {
    const article = assembleOk(totalContext, headline);
    sink += computeBandHashes(hasher.signature(article.text), DEFAULT_BANDING)[0] ?? 0;
  });
  return { assemble, text, signature, shingling, bands, total };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

// Warm-up: JIT every path before measuring.
{
  const context = newContext();
  for (const headline of headlines(WARMUP, 1_000_000)) {
    const article = assembleOk(context, headline);
    sink += computeBandHashes(hasher.signature(htmlToText(article.html)))[0] ?? 0;
    sink += computeBandHashes(hasher.signature(article.text))[0] ?? 0;
  }
}

const sample = assembleOk(newContext(), headlines(1, 0)[0] as Headline);
const rounds = Array.from({ length: ROUNDS }, (_, r) => round(r * ARTICLES));
const stages: [string, number][] = [
  ['assembleArticle', median(rounds.map((r) => r.assemble))],
  ['htmlToText', median(rounds.map((r) => r.text))],
  ['signature (MinHash)', median(rounds.map((r) => r.signature))],
  ['band hashes (LSH)', median(rounds.map((r) => r.bands))],
];
const total = median(rounds.map((r) => r.total));
const stageSum = stages.reduce((sum, [, value]) => sum + value, 0);

console.log(
  `${ARTICLES} articles × ${ROUNDS} rounds (median); sample: ${sample.wordCount} words, ${sample.html.length} chars of HTML`,
);
console.log(`${'stage'.padEnd(22)}${'CPU µs/art.'.padStart(12)}${'share'.padStart(9)}`);
const shingling = median(rounds.map((r) => r.shingling));
for (const [name, value] of stages) {
  console.log(
    `${name.padEnd(22)}${value.toFixed(1).padStart(12)}${`${((100 * value) / stageSum).toFixed(1)}%`.padStart(9)}`,
  );
  if (name.startsWith('signature')) {
    console.log(`${'  of which shingling'.padEnd(22)}${shingling.toFixed(1).padStart(12)}`);
  }
}
console.log(`${'sum of stages'.padEnd(22)}${stageSum.toFixed(1).padStart(12)}`);
console.log(`${'total (one loop)'.padEnd(22)}${total.toFixed(1).padStart(12)}`);
if (sink === 0.5) console.log('');

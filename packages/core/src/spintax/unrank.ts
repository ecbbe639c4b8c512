import { prepareWordBound, seededBigInt, seededBigIntWords, type WordBound } from '../random/rng.js';
import type { Sequence, SpintaxNode, SpintaxTemplate, VariableBindings, VariableNode } from './ast.js';
import { normaliseBindings } from './bindings.js';
import { UnresolvedVariableError } from './errors.js';

export interface UnrankOptions {
  /**
   * What to do with a variable that has no binding: `throw` (default) raises
   * UnresolvedVariableError; `keep` writes it back as `{Name}` — only for previews shown to an
   * author, never for stored content.
   */
  readonly onMissingVariable?: 'throw' | 'keep';
}

/**
 * A sequence prepared for decoding, built once per (immutable) tree and cached. Its rank is a
 * mixed-radix number whose digits are the ranks of its parts, the last part least significant.
 *
 * - Consecutive parts are grouped into chunks whose variant count stays below 2^30, so a BigInt
 *   rank is split with one division per chunk and the digits inside a chunk are decoded with small
 *   integer arithmetic. A part whose own count is larger sits alone in a chunk.
 * - A part without variables and with at most TABLE_LIMIT variants (plain text, most `{a|b|c}`
 *   groups, dictionary references) gets a table of its rendered variants, so writing it is one
 *   lookup instead of a walk through its subtree. Spinning is dominated by visiting tree nodes
 *   scattered in memory, so this is what makes it cheap.
 */
interface PlannedSequence {
  readonly count: bigint;
  /** `count` as a number when it is below 2^30 (then there is one chunk, or none when empty); else -1. */
  readonly smallCount: number;
  readonly chunks: readonly Chunk[];
  readonly hasVariables: boolean;
}

interface Chunk {
  readonly parts: readonly PlannedPart[];
  /** Product of the parts' counts. */
  readonly count: bigint;
  /** False for a lone part whose count is 2^30 or more; its rank then stays a BigInt. */
  readonly small: boolean;
}

interface PlannedNode {
  readonly node: SpintaxNode;
  /** A choice's options, planned; empty for other kinds. */
  readonly options: readonly PlannedSequence[];
  readonly count: bigint;
  readonly hasVariables: boolean;
  /** Every variant of the node, rendered, by rank; null when it has variables or too many variants. */
  readonly table: readonly string[] | null;
}

interface PlannedPart extends PlannedNode {
  /** `count` as a number (-1 when 2^30 or more), and the product of the counts of the parts after it in its chunk. */
  readonly radix: number;
  readonly place: number;
}

const SMALL_LIMIT = 2 ** 30;
const SMALL_LIMIT_BIG = BigInt(SMALL_LIMIT);
const TABLE_LIMIT = 64;
const NO_BINDINGS: ReadonlyMap<string, string> = new Map();
// Keyed by a template's root only, one entry per template; nested sequences are planned as part of
// their root.
const plans = new WeakMap<Sequence, PlannedSequence>();

function planNode(node: SpintaxNode): PlannedNode {
  const options = node.kind === 'choice' ? node.options.map(planSequence) : [];
  let count = 1n;
  if (node.kind === 'choice') count = options.reduce((sum, option) => sum + option.count, 0n);
  else if (node.kind === 'dictionary') count = BigInt(node.terms.length);
  const hasVariables = node.kind === 'variable' || options.some((option) => option.hasVariables);
  const untabled: PlannedNode = { node, options, count, hasVariables, table: null };
  if (hasVariables || count > BigInt(TABLE_LIMIT)) return untabled;
  // Rendered with the general writer; nested nodes already have their tables.
  const writer = new VariantWriter(NO_BINDINGS, false, []);
  const table: string[] = [];
  for (let rank = 0; rank < Number(count); rank += 1) table.push(flatten(writer.render(untabled, rank)));
  return { node, options, count, hasVariables, table };
}

let _flattenSink = 0;

/**
 * The same string, flattened in place. V8 keeps a string built by concatenation (the parser's text
 * values, the tables built here) as a rope of its pieces, and copying it out — every article that
 * writes it — walks the rope again; reading one character makes V8 flatten it once for all. (The
 * read goes to a module variable so that it is not optimised away.)
 */
function flatten(text: string): string {
  _flattenSink ^= text.charCodeAt(0) | 0;
  return text;
}

// Spelled out: object spread of these plans was by far the slowest step of planning.
const placed = (planned: PlannedNode, radix: number, place: number): PlannedPart => ({
  node: planned.node,
  options: planned.options,
  count: planned.count,
  hasVariables: planned.hasVariables,
  table: planned.table,
  radix,
  place,
});

/** Total characters a merged table may hold: merging multiplies variants, so it is bounded. */
const MERGED_TABLE_CHARS = 1024;

/**
 * Consecutive tabled parts of a chunk (source order) merged into one part whose table holds every
 * combination of their variants, as long as it has at most TABLE_LIMIT entries and
 * MERGED_TABLE_CHARS characters: its digit is the mixed-radix number of theirs (the last varies
 * fastest, its place is the last one's), so it writes the same text as they would one by one, in one
 * piece. Text between two groups costs nothing to merge (one variant), so most of a fragment's
 * words end up in a few lookups.
 */
function mergeTables(parts: readonly PlannedPart[]): PlannedPart[] {
  const merged: PlannedPart[] = [];
  let i = 0;
  while (i < parts.length) {
    const first = parts[i] as PlannedPart;
    let end = i + 1;
    if (first.table !== null) {
      let entries = first.radix;
      // Characters of the merged table: each part's entries each appear entries / radix times.
      let chars = tableChars(first.table);
      while (end < parts.length) {
        const next = parts[end] as PlannedPart;
        if (next.table === null || entries * next.radix > TABLE_LIMIT) break;
        const nextChars = chars * next.radix + tableChars(next.table) * entries;
        if (nextChars > MERGED_TABLE_CHARS) break;
        entries *= next.radix;
        chars = nextChars;
        end += 1;
      }
    }
    if (end === i + 1) {
      merged.push(first);
      i = end;
      continue;
    }
    const run = parts.slice(i, end);
    const last = run[run.length - 1] as PlannedPart;
    const table: string[] = [];
    let entries = 1;
    for (const part of run) entries *= part.radix;
    for (let digit = 0; digit < entries; digit += 1) {
      let text = '';
      let rest = digit;
      for (let k = run.length - 1; k >= 0; k -= 1) {
        const part = run[k] as PlannedPart;
        text = `${(part.table as readonly string[])[rest % part.radix] ?? ''}${text}`;
        rest = Math.floor(rest / part.radix);
      }
      table.push(flatten(text));
    }
    merged.push({
      node: first.node,
      options: [],
      count: BigInt(entries),
      hasVariables: false,
      table,
      radix: entries,
      place: last.place,
    });
    i = end;
  }
  return merged;
}

function tableChars(table: readonly string[]): number {
  let chars = 0;
  for (const entry of table) chars += entry.length;
  return chars;
}

function planSequence(sequence: Sequence): PlannedSequence {
  const chunks: Chunk[] = [];
  let parts: PlannedPart[] = [];
  let product = 1;
  let count = 1n;
  const closeChunk = (): void => {
    if (parts.length > 0)
      chunks.push({ parts: mergeTables(parts.reverse()), count: BigInt(product), small: true });
    parts = [];
    product = 1;
  };
  for (let i = sequence.length - 1; i >= 0; i -= 1) {
    const planned = planNode(sequence[i] as SpintaxNode);
    count *= planned.count;
    if (planned.count >= SMALL_LIMIT_BIG) {
      closeChunk();
      chunks.push({ parts: [placed(planned, -1, 1)], count: planned.count, small: false });
      continue;
    }
    const radix = Number(planned.count);
    if (product * radix >= SMALL_LIMIT) closeChunk();
    parts.push(placed(planned, radix, product));
    product *= radix;
  }
  closeChunk();
  chunks.reverse();
  return {
    count,
    smallCount: count < SMALL_LIMIT_BIG ? Number(count) : -1,
    chunks,
    hasVariables: chunks.some((chunk) => chunk.parts.some((part) => part.hasVariables)),
  };
}

function planTemplate(template: SpintaxTemplate): PlannedSequence {
  let plan = plans.get(template.root);
  if (plan === undefined) {
    plan = planSequence(template.root);
    plans.set(template.root, plan);
  }
  return plan;
}

/**
 * Writes one variant of planned sequences into `out`, piece by piece: joined once at the end, the
 * pieces make a flat string, where appending to a string would make a rope of them to be walked
 * (flattened) later.
 */
class VariantWriter {
  constructor(
    private readonly values: ReadonlyMap<string, string>,
    private readonly keepMissing: boolean,
    private readonly out: string[],
  ) {}

  /** One node's variant on its own (for building tables). */
  render(part: PlannedNode, rank: number): string {
    this.out.length = 0;
    this.writePart(part, rank);
    return this.out.join('');
  }

  writeSequence(sequence: PlannedSequence, rank: bigint): void {
    if (sequence.smallCount >= 0) {
      this.writeSmallSequence(sequence, Number(rank));
      return;
    }
    // Split the rank into one digit per chunk, least significant (last) chunk first.
    const { chunks } = sequence;
    const chunkRanks = new Array<bigint>(chunks.length);
    let rest = rank;
    for (let c = chunks.length - 1; c >= 0; c -= 1) {
      const { count } = chunks[c] as Chunk;
      chunkRanks[c] = rest % count;
      rest /= count;
    }
    for (let c = 0; c < chunks.length; c += 1) {
      const chunk = chunks[c] as Chunk;
      const chunkRank = chunkRanks[c] as bigint;
      if (chunk.small) this.writeChunk(chunk, Number(chunkRank));
      else this.writeBigPart(chunk.parts[0] as PlannedPart, chunkRank);
    }
  }

  /** writeSequence for a sequence of small chunks whose digits (ranks) are given, one per chunk. */
  writeChunkDigits(sequence: PlannedSequence, digits: ArrayLike<number>): void {
    const { chunks } = sequence;
    for (let c = 0; c < chunks.length; c += 1) this.writeChunk(chunks[c] as Chunk, digits[c] as number);
  }

  private writeSmallSequence(sequence: PlannedSequence, rank: number): void {
    const chunk = sequence.chunks[0];
    if (chunk !== undefined) this.writeChunk(chunk, rank);
  }

  private writeChunk(chunk: Chunk, rank: number): void {
    for (const part of chunk.parts) {
      // ⌊rank / place⌋ mod radix. `(a / b) | 0` is exact below 2^31 (the quotient's rounding error
      // is smaller than its distance to the next integer).
      const digit = part.radix === 1 ? 0 : ((rank / part.place) | 0) % part.radix;
      if (part.table !== null) this.out.push(part.table[digit] ?? '');
      else this.writePart(part, digit);
    }
  }

  private writePart(part: PlannedNode, rank: number): void {
    const { node } = part;
    switch (node.kind) {
      case 'text':
        this.out.push(node.value);
        return;
      case 'variable':
        this.out.push(this.renderVariable(node));
        return;
      case 'dictionary':
        this.out.push(node.terms[rank] ?? '');
        return;
      case 'choice': {
        // Every option counts less than the choice, so below 2^30 too.
        let rest = rank;
        for (const option of part.options) {
          if (rest < option.smallCount) {
            this.writeSmallSequence(option, rest);
            return;
          }
          rest -= option.smallCount;
        }
        throw new RangeError('Internal: choice rank exceeds its variant count');
      }
    }
  }

  private writeBigPart(part: PlannedPart, rank: bigint): void {
    if (part.node.kind !== 'choice') {
      this.writePart(part, Number(rank));
      return;
    }
    let rest = rank;
    for (const option of part.options) {
      if (rest < option.count) {
        this.writeSequence(option, rest);
        return;
      }
      rest -= option.count;
    }
    throw new RangeError('Internal: choice rank exceeds its variant count');
  }

  private renderVariable(node: VariableNode): string {
    const value = this.values.get(node.name);
    if (value !== undefined) return value;
    if (this.keepMissing) return `{${node.raw}}`;
    throw new UnresolvedVariableError(node.raw, node.position);
  }
}

/**
 * Returns variant number `index` directly by mixed-radix decoding, without enumerating.
 * Order: options in source order; within a sequence the LAST part varies fastest, i.e. the same
 * order as nested loops over the parts. Throws RangeError unless 0 <= index < countVariants.
 */
export function unrankVariant(
  template: SpintaxTemplate,
  index: bigint,
  bindings: VariableBindings = {},
  options: UnrankOptions = {},
): string {
  const out: string[] = [];
  writeVariant(template, index, normaliseBindings(bindings), options.onMissingVariable === 'keep', out);
  return out.join('');
}

/**
 * unrankVariant's text appended to `out` in pieces (`out.join('')` after it is the variant), with
 * bindings already normalised (lower-case names, see normaliseBindings), so a caller writing many
 * variants into one text normalises once and joins once.
 */
export function writeVariant(
  template: SpintaxTemplate,
  index: bigint,
  values: ReadonlyMap<string, string>,
  keepMissing: boolean,
  out: string[],
): void {
  const root = planTemplate(template);
  if (index < 0n || index >= root.count) {
    throw new RangeError(`Variant index ${index} is outside [0, ${root.count})`);
  }
  new VariantWriter(values, keepMissing, out).writeSequence(root, index);
}

/**
 * A root plan's seeded ranks drawn without BigInts: its count's WordBound and chunk counts (all
 * chunks small). null when that does not apply: a count up to 2^32 (drawn as one number anyway) or a
 * chunk of one part counting 2^30 or more.
 */
interface SeededPlan {
  readonly bound: WordBound;
  readonly chunkCounts: readonly number[];
}

const seededPlans = new WeakMap<PlannedSequence, SeededPlan | null>();
// Working arrays of writeSeededVariant (it does not nest): the drawn words, and their 16-bit limbs.
let drawnWords = new Uint32Array(8);
let limbs = new Float64Array(16);
let chunkDigits = new Float64Array(8);

function seededPlanOf(root: PlannedSequence): SeededPlan | null {
  let seeded = seededPlans.get(root);
  if (seeded === undefined) {
    seeded =
      root.count > 0x1_0000_0000n && root.chunks.every((chunk) => chunk.small)
        ? {
            bound: prepareWordBound(root.count),
            chunkCounts: root.chunks.map((chunk) => Number(chunk.count)),
          }
        : null;
    seededPlans.set(root, seeded);
  }
  return seeded;
}

/**
 * writeVariant of the variant createRng(seed).nextBigInt(countVariants(template)) picks, for a
 * template with at least one variant. The rank is drawn as 32-bit words and split into the chunks'
 * digits by long division in 16-bit limbs (a remainder below 2^30 times 2^16 plus a limb stays below
 * 2^46, exact in a double), so the usual case makes no BigInt at all.
 */
export function writeSeededVariant(
  template: SpintaxTemplate,
  seed: string,
  values: ReadonlyMap<string, string>,
  keepMissing: boolean,
  out: string[],
): void {
  const root = planTemplate(template);
  const seeded = seededPlanOf(root);
  if (seeded === null) {
    writeVariant(template, seededBigInt(seed, root.count), values, keepMissing, out);
    return;
  }
  const { bound, chunkCounts } = seeded;
  if (drawnWords.length < bound.words) {
    drawnWords = new Uint32Array(bound.words);
    limbs = new Float64Array(2 * bound.words);
  }
  if (chunkDigits.length < chunkCounts.length) chunkDigits = new Float64Array(chunkCounts.length);
  const words = drawnWords;
  const rank = limbs;
  const digits = chunkDigits;
  seededBigIntWords(seed, bound, words);
  const limbCount = 2 * bound.words;
  for (let i = 0; i < bound.words; i += 1) {
    const word = words[i] as number;
    rank[2 * i] = word >>> 16;
    rank[2 * i + 1] = word & 0xffff;
  }
  // Least significant (last) chunk first: digit = rank mod count, rank = ⌊rank / count⌋.
  for (let c = chunkCounts.length - 1; c >= 0; c -= 1) {
    const divisor = chunkCounts[c] as number;
    let remainder = 0;
    for (let i = 0; i < limbCount; i += 1) {
      const current = remainder * 0x1_0000 + (rank[i] as number);
      const quotient = Math.floor(current / divisor);
      rank[i] = quotient;
      remainder = current - quotient * divisor;
    }
    digits[c] = remainder;
  }
  new VariantWriter(values, keepMissing, out).writeChunkDigits(root, digits);
}

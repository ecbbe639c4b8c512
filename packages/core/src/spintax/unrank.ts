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
  const writer = new VariantWriter(NO_BINDINGS, false);
  const table: string[] = [];
  for (let rank = 0; rank < Number(count); rank += 1) table.push(writer.render(untabled, rank));
  return { node, options, count, hasVariables, table };
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

function planSequence(sequence: Sequence): PlannedSequence {
  const chunks: Chunk[] = [];
  let parts: PlannedPart[] = [];
  let product = 1;
  let count = 1n;
  const closeChunk = (): void => {
    if (parts.length > 0) chunks.push({ parts: parts.reverse(), count: BigInt(product), small: true });
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

/** Writes one variant of planned sequences into `out`. */
class VariantWriter {
  out = '';

  constructor(
    private readonly values: ReadonlyMap<string, string>,
    private readonly keepMissing: boolean,
  ) {}

  /** One node's variant on its own (for building tables). */
  render(part: PlannedNode, rank: number): string {
    this.out = '';
    this.writePart(part, rank);
    return this.out;
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

  private writeSmallSequence(sequence: PlannedSequence, rank: number): void {
    const chunk = sequence.chunks[0];
    if (chunk !== undefined) this.writeChunk(chunk, rank);
  }

  private writeChunk(chunk: Chunk, rank: number): void {
    for (const part of chunk.parts) {
      // ⌊rank / place⌋ mod radix. `(a / b) | 0` is exact below 2^31 (the quotient's rounding error
      // is smaller than its distance to the next integer).
      const digit = part.radix === 1 ? 0 : ((rank / part.place) | 0) % part.radix;
      if (part.table !== null) this.out += part.table[digit] ?? '';
      else this.writePart(part, digit);
    }
  }

  private writePart(part: PlannedNode, rank: number): void {
    const { node } = part;
    switch (node.kind) {
      case 'text':
        this.out += node.value;
        return;
      case 'variable':
        this.out += this.renderVariable(node);
        return;
      case 'dictionary':
        this.out += node.terms[rank] ?? '';
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
  const root = planTemplate(template);
  if (index < 0n || index >= root.count) {
    throw new RangeError(`Variant index ${index} is outside [0, ${root.count})`);
  }
  const writer = new VariantWriter(normaliseBindings(bindings), options.onMissingVariable === 'keep');
  writer.writeSequence(root, index);
  return writer.out;
}

import type { Sequence, SpintaxNode, SpintaxTemplate, VariableBindings, VariableNode } from './ast.js';
import { normaliseBindings } from './bindings.js';
import { countNodeVariants, countSequenceVariants } from './count.js';
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
  const total = countSequenceVariants(template.root);
  if (index < 0n || index >= total) {
    throw new RangeError(`Variant index ${index} is outside [0, ${total})`);
  }
  const values = normaliseBindings(bindings);
  const keepMissing = options.onMissingVariable === 'keep';
  const out: string[] = [];

  const renderVariable = (node: VariableNode): string => {
    const value = values.get(node.name);
    if (value !== undefined) return value;
    if (keepMissing) return `{${node.raw}}`;
    throw new UnresolvedVariableError(node.raw, node.position);
  };

  const writeSequence = (sequence: Sequence, rank: bigint): void => {
    // Decode digits from the least significant (last) part, then emit in source order.
    const digits: bigint[] = new Array<bigint>(sequence.length);
    let rest = rank;
    for (let i = sequence.length - 1; i >= 0; i -= 1) {
      const radix = countNodeVariants(sequence[i] as SpintaxNode);
      digits[i] = rest % radix;
      rest /= radix;
    }
    for (let i = 0; i < sequence.length; i += 1) writeNode(sequence[i] as SpintaxNode, digits[i] ?? 0n);
  };

  const writeNode = (node: SpintaxNode, rank: bigint): void => {
    switch (node.kind) {
      case 'text':
        out.push(node.value);
        return;
      case 'variable':
        out.push(renderVariable(node));
        return;
      case 'dictionary':
        out.push(node.terms[Number(rank)] ?? '');
        return;
      case 'choice': {
        let rest = rank;
        for (const option of node.options) {
          const size = countSequenceVariants(option);
          if (rest < size) {
            writeSequence(option, rest);
            return;
          }
          rest -= size;
        }
        throw new RangeError('Internal: choice rank exceeds its variant count');
      }
    }
  };

  writeSequence(template.root, index);
  return out.join('');
}

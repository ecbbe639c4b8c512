import type {
  DictionaryNode,
  Sequence,
  SourcePosition,
  SpintaxDictionaries,
  SpintaxNode,
  SpintaxTemplate,
  VariableNode,
} from './ast.js';
import { SpintaxSyntaxError } from './errors.js';

export interface ParseSpintaxOptions {
  /**
   * Dictionary categories known at parse time. A variable whose name matches one (case-insensitive)
   * becomes a DictionaryNode; names are resolved here once, never per variant. Dictionaries win
   * over bindings, so do not pass a category that shadows a location variable such as `city`.
   */
  readonly dictionaries?: SpintaxDictionaries;
}

interface OpenGroup {
  readonly parent: SpintaxNode[];
  readonly options: Sequence[];
  readonly position: SourcePosition;
}

/**
 * How deep `{…}` groups may nest. Real templates stay below ten; the cap exists because counting, unranking,
 * sampling and validation walk the tree recursively, and a template nested thousands deep would overflow
 * the stack of the process serving it. Parsing itself is iterative, so the cap is checked here, once.
 */
export const MAX_SPINTAX_DEPTH = 100;

// `{{Name}}` is tried before `{Name}` so the alias is one token rather than a group around a variable.
const DOUBLE_BRACE_VARIABLE = /\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}/y;
const SINGLE_BRACE_VARIABLE = /\{([A-Za-z_][A-Za-z0-9_]*)\}/y;
const ESCAPABLE = new Set(['{', '|', '}', '\\']);

function matchVariableToken(source: string, offset: number): { raw: string; end: number } | null {
  for (const pattern of [DOUBLE_BRACE_VARIABLE, SINGLE_BRACE_VARIABLE]) {
    pattern.lastIndex = offset;
    const match = pattern.exec(source);
    if (match?.[1] !== undefined) return { raw: match[1], end: offset + match[0].length };
  }
  return null;
}

function normaliseDictionaries(
  dictionaries: SpintaxDictionaries | undefined,
): Map<string, readonly string[]> {
  const byName = new Map<string, readonly string[]>();
  for (const [name, terms] of Object.entries(dictionaries ?? {})) byName.set(name.toLowerCase(), terms);
  return byName;
}

function variableOrDictionary(
  raw: string,
  position: SourcePosition,
  dictionaries: Map<string, readonly string[]>,
): VariableNode | DictionaryNode {
  const name = raw.toLowerCase();
  const terms = dictionaries.get(name);
  if (terms !== undefined) return { kind: 'dictionary', name, terms: [...terms], position };
  return { kind: 'variable', name, raw, position };
}

/**
 * Parses spintax into an immutable tree. Grammar: `{a|b}` choices, nested (options may
 * be empty), `{Name}` / `{{Name}}` variables (identifier = letter or `_`, then letters, digits, `_`),
 * escapes `\{ \| \} \\` (any other backslash is literal), at most MAX_SPINTAX_DEPTH groups deep. A group with no pipe that is not an
 * identifier, such as `{New York}`, is a one-option choice. Throws SpintaxSyntaxError.
 */
export function parseSpintax(source: string, options: ParseSpintaxOptions = {}): SpintaxTemplate {
  const dictionaries = normaliseDictionaries(options.dictionaries);
  const root: SpintaxNode[] = [];
  const open: OpenGroup[] = [];
  let current: SpintaxNode[] = root;
  let text = '';
  let line = 1;
  let lineStart = 0;
  const positionAt = (offset: number): SourcePosition => ({ offset, line, column: offset - lineStart + 1 });
  const flushText = (): void => {
    if (text !== '') current.push({ kind: 'text', value: text });
    text = '';
  };

  let i = 0;
  while (i < source.length) {
    const ch = source.charAt(i);
    if (ch === '\\') {
      const next = source.charAt(i + 1);
      if (next === '') {
        throw new SpintaxSyntaxError('Trailing backslash: write \\\\ for a literal backslash', positionAt(i));
      }
      const escaped = ESCAPABLE.has(next);
      text += escaped ? next : ch;
      i += escaped ? 2 : 1;
    } else if (ch === '{') {
      flushText();
      const variable = matchVariableToken(source, i);
      if (variable) {
        current.push(variableOrDictionary(variable.raw, positionAt(i), dictionaries));
        i = variable.end;
        continue;
      }
      if (open.length >= MAX_SPINTAX_DEPTH) {
        throw new SpintaxSyntaxError(
          `Groups nested more than ${MAX_SPINTAX_DEPTH} deep: flatten the template`,
          positionAt(i),
        );
      }
      open.push({ parent: current, options: [], position: positionAt(i) });
      current = [];
      i += 1;
    } else if (ch === '|' || ch === '}') {
      const group = open.at(-1);
      if (group === undefined) {
        const hint = ch === '|' ? 'write \\| for a literal pipe' : 'write \\} for a literal brace';
        throw new SpintaxSyntaxError(`Unexpected '${ch}' outside of a {…} group: ${hint}`, positionAt(i));
      }
      flushText();
      group.options.push(current);
      current = [];
      if (ch === '}') {
        open.pop();
        current = group.parent;
        current.push({ kind: 'choice', options: group.options, position: group.position });
      }
      i += 1;
    } else {
      text += ch;
      if (ch === '\n') {
        line += 1;
        lineStart = i + 1;
      }
      i += 1;
    }
  }
  const unclosed = open.at(-1);
  if (unclosed !== undefined) {
    throw new SpintaxSyntaxError("Unclosed '{': add the matching '}'", unclosed.position);
  }
  flushText();
  return { source, root };
}

/**
 * Late binding of dictionary categories for templates parsed before the dictionaries were known.
 * Returns a new tree; the input is untouched.
 */
export function bindDictionaries(
  template: SpintaxTemplate,
  dictionaries: SpintaxDictionaries,
): SpintaxTemplate {
  const byName = normaliseDictionaries(dictionaries);
  const bindSequence = (sequence: Sequence): Sequence =>
    sequence.map((node): SpintaxNode => {
      if (node.kind === 'variable') return variableOrDictionary(node.raw, node.position, byName);
      if (node.kind === 'choice') return { ...node, options: node.options.map(bindSequence) };
      return node;
    });
  return { source: template.source, root: bindSequence(template.root) };
}

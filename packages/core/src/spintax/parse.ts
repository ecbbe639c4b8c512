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
 * One lexical piece of spintax, with its source span (`start` inclusive, `end` exclusive, UTF-16 offsets).
 * `text` is a run of literal characters and `escape` one escaped character (`value` is what it stands for);
 * `open`, `pipe` and `close` are the group syntax; `variable` is a whole `{Name}` / `{{Name}}` token.
 * The scanner knows nothing of nesting: a stray `|` or `}` is still a `pipe`/`close` token, and the parser
 * decides whether it is an error.
 */
export type SpintaxLexeme = (
  | { readonly type: 'text' | 'escape'; readonly value: string }
  | { readonly type: 'variable'; readonly raw: string }
  | { readonly type: 'open' | 'pipe' | 'close' }
) & { readonly start: number; readonly end: number; readonly position: SourcePosition };

/**
 * The engine's one scanner, shared by the parser and by editors that highlight spintax, so both agree on
 * what is a group, a variable or an escape. Each lexeme carries the line and column it starts at. Throws
 * SpintaxSyntaxError for the one lexical error, a trailing backslash.
 */
export function* scanSpintax(source: string): Generator<SpintaxLexeme, void, undefined> {
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const positionAt = (offset: number): SourcePosition => ({ offset, line, column: offset - lineStart + 1 });
  let run = '';
  let runPosition = positionAt(0);
  const flush = function* (): Generator<SpintaxLexeme, void, undefined> {
    if (run !== '')
      yield { type: 'text', value: run, start: runPosition.offset, end: i, position: runPosition };
    run = '';
  };
  while (i < source.length) {
    const ch = source.charAt(i);
    if (ch === '\\') {
      const next = source.charAt(i + 1);
      if (next === '') {
        throw new SpintaxSyntaxError('Trailing backslash: write \\\\ for a literal backslash', positionAt(i));
      }
      if (ESCAPABLE.has(next)) {
        yield* flush();
        yield { type: 'escape', value: next, start: i, end: i + 2, position: positionAt(i) };
        i += 2;
        continue;
      }
    } else if (ch === '{' || ch === '|' || ch === '}') {
      yield* flush();
      const variable = ch === '{' ? matchVariableToken(source, i) : null;
      if (variable) {
        yield { type: 'variable', raw: variable.raw, start: i, end: variable.end, position: positionAt(i) };
        i = variable.end;
      } else {
        const type = ch === '{' ? 'open' : ch === '|' ? 'pipe' : 'close';
        yield { type, start: i, end: i + 1, position: positionAt(i) };
        i += 1;
      }
      continue;
    }
    if (run === '') runPosition = positionAt(i);
    run += ch;
    if (ch === '\n') {
      line += 1;
      lineStart = i + 1;
    }
    i += 1;
  }
  yield* flush();
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
  const flushText = (): void => {
    if (text !== '') current.push({ kind: 'text', value: text });
    text = '';
  };

  for (const lexeme of scanSpintax(source)) {
    if (lexeme.type === 'text' || lexeme.type === 'escape') {
      text += lexeme.value;
    } else if (lexeme.type === 'variable') {
      flushText();
      current.push(variableOrDictionary(lexeme.raw, lexeme.position, dictionaries));
    } else if (lexeme.type === 'open') {
      flushText();
      if (open.length >= MAX_SPINTAX_DEPTH) {
        throw new SpintaxSyntaxError(
          `Groups nested more than ${MAX_SPINTAX_DEPTH} deep: flatten the template`,
          lexeme.position,
        );
      }
      open.push({ parent: current, options: [], position: lexeme.position });
      current = [];
    } else {
      const group = open.at(-1);
      if (group === undefined) {
        const ch = lexeme.type === 'pipe' ? '|' : '}';
        const hint = ch === '|' ? 'write \\| for a literal pipe' : 'write \\} for a literal brace';
        throw new SpintaxSyntaxError(`Unexpected '${ch}' outside of a {…} group: ${hint}`, lexeme.position);
      }
      flushText();
      group.options.push(current);
      current = [];
      if (lexeme.type === 'close') {
        open.pop();
        current = group.parent;
        current.push({ kind: 'choice', options: group.options, position: group.position });
      }
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

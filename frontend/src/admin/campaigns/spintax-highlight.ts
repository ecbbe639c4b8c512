import { type SpintaxLexeme, SpintaxSyntaxError, scanSpintax } from '@spark/core';

export type HighlightKind = 'text' | 'group' | 'variable' | 'escape';

/** A stretch of the editor's text with one look; `error` marks the character an issue points at. */
export interface HighlightSpan {
  kind: HighlightKind;
  text: string;
  error: boolean;
}

/** A lexeme's span for display; an error at the end of a line has no character, so it gets a space. */
interface Piece {
  kind: HighlightKind;
  start: number;
  end: number;
}

/** Lexemes as the engine scans them; after a lexical error the rest is plain text (the API reports it). */
function lexemes(source: string): SpintaxLexeme[] {
  const found: SpintaxLexeme[] = [];
  try {
    for (const lexeme of scanSpintax(source)) found.push(lexeme);
  } catch (error) {
    if (!(error instanceof SpintaxSyntaxError)) throw error;
    const start = found.at(-1)?.end ?? 0;
    const position = { offset: start, line: 0, column: 0 };
    found.push({ type: 'text', value: source.slice(start), start, end: source.length, position });
  }
  return found;
}

/**
 * What each part of the headline patterns looks like in the editor, from the engine's own scanner (so a
 * group, a variable or an escape here is exactly what the parser will see). Only braces that pair up make a
 * group, and everything between them is the group's; a brace with no partner stays plain text, because
 * the API's error for it (at its line and column, passed in `errorsAt`) is what the author needs to see.
 */
export function spintaxHighlights(
  source: string,
  errorsAt: readonly { line: number; column: number }[] = [],
): HighlightSpan[] {
  const all = lexemes(source);
  const paired = new Set<SpintaxLexeme>();
  const open: SpintaxLexeme[] = [];
  const pipes: SpintaxLexeme[][] = [];
  for (const lexeme of all) {
    if (lexeme.type === 'open') {
      open.push(lexeme);
      pipes.push([]);
    } else if (lexeme.type === 'pipe') {
      pipes.at(-1)?.push(lexeme);
    } else if (lexeme.type === 'close') {
      const opener = open.pop();
      const inner = pipes.pop();
      if (opener && inner) for (const paired_ of [opener, lexeme, ...inner]) paired.add(paired_);
    }
  }
  let depth = 0;
  const pieces: Piece[] = all.map((lexeme) => {
    const piece = (kind: HighlightKind): Piece => ({ kind, start: lexeme.start, end: lexeme.end });
    if (lexeme.type === 'variable') return piece('variable');
    if (lexeme.type === 'escape') return piece('escape');
    if (lexeme.type === 'text') return piece(depth > 0 ? 'group' : 'text');
    if (!paired.has(lexeme)) return piece('text');
    if (lexeme.type === 'open') depth += 1;
    if (lexeme.type === 'close') depth -= 1;
    return piece('group');
  });
  return markErrors(source, pieces, errorOffsets(source, errorsAt));
}

/** 0-based offsets of 1-based line/column positions (a column past the line's end is its end). */
function errorOffsets(source: string, errorsAt: readonly { line: number; column: number }[]): Set<number> {
  const lineStarts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const offsets = new Set<number>();
  for (const { line, column } of errorsAt) {
    const start = lineStarts[line - 1];
    if (start === undefined) continue;
    const end = lineStarts[line] === undefined ? source.length : (lineStarts[line] as number) - 1;
    offsets.add(Math.min(start + Math.max(column, 1) - 1, end));
  }
  return offsets;
}

/**
 * Splits the pieces so each error offset is a span of its own. An error after a line's last character (a
 * missing '}') has no character to mark, so a space marks it, which adds nothing visible before the break.
 */
function markErrors(source: string, pieces: Piece[], errors: Set<number>): HighlightSpan[] {
  const spans: HighlightSpan[] = [];
  const push = (kind: HighlightKind, text: string, error: boolean) => {
    if (text !== '') spans.push({ kind, text, error });
  };
  for (const piece of pieces) {
    let from = piece.start;
    for (let i = piece.start; i < piece.end; i += 1) {
      if (!errors.has(i)) continue;
      push(piece.kind, source.slice(from, i), false);
      if (source.charAt(i) === '\n') {
        push('text', ' ', true);
        from = i;
      } else {
        push(piece.kind, source.charAt(i), true);
        from = i + 1;
      }
    }
    push(piece.kind, source.slice(from, piece.end), false);
  }
  if (errors.has(source.length)) push('text', ' ', true);
  return spans;
}

import { describe, expect, it } from 'vitest';
import { countVariants } from './count.js';
import { SpintaxSyntaxError } from './errors.js';
import { bindDictionaries, MAX_SPINTAX_DEPTH, parseSpintax, scanSpintax } from './parse.js';
import { unrankVariant } from './unrank.js';
import { validateTemplate } from './validate.js';

function syntaxErrorOf(source: string): SpintaxSyntaxError {
  try {
    parseSpintax(source);
  } catch (error) {
    if (error instanceof SpintaxSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected a syntax error for ${JSON.stringify(source)}`);
}

describe('parseSpintax', () => {
  it('parses plain text into a single text node', () => {
    expect(parseSpintax('hello world').root).toEqual([{ kind: 'text', value: 'hello world' }]);
  });

  it('parses an empty template into an empty sequence with one variant', () => {
    const template = parseSpintax('');
    expect(template.root).toEqual([]);
    expect(countVariants(template)).toBe(1n);
  });

  it('parses alternatives with an empty option', () => {
    const [choice] = parseSpintax('{a|}').root;
    expect(choice).toMatchObject({ kind: 'choice', options: [[{ kind: 'text', value: 'a' }], []] });
  });

  it('treats {Name} without a pipe as a case-insensitive variable', () => {
    expect(parseSpintax('in {State_Code}').root[1]).toMatchObject({
      kind: 'variable',
      name: 'state_code',
      raw: 'State_Code',
      position: { offset: 3, line: 1, column: 4 },
    });
  });

  it('treats {{CITY}} as an alias of {CITY}', () => {
    expect(parseSpintax('{{CITY}}').root).toEqual([
      { kind: 'variable', name: 'city', raw: 'CITY', position: { offset: 0, line: 1, column: 1 } },
    ]);
  });

  it('treats any other {{ as nested groups', () => {
    const template = parseSpintax('{{a|b}|c}');
    expect(countVariants(template)).toBe(3n);
    expect([0n, 1n, 2n].map((n) => unrankVariant(template, n))).toEqual(['a', 'b', 'c']);
  });

  it('keeps a variable inside a double-brace group that is not the alias form', () => {
    const template = parseSpintax('{{City}|town}');
    expect([0n, 1n].map((n) => unrankVariant(template, n, { city: 'Austin' }))).toEqual(['Austin', 'town']);
  });

  it('treats a pipe-less group that is not an identifier as a one-option choice', () => {
    const template = parseSpintax('{New York}');
    expect(countVariants(template)).toBe(1n);
    expect(unrankVariant(template, 0n)).toBe('New York');
  });

  it('unescapes \\{ \\| \\} and \\\\ into literal characters', () => {
    expect(unrankVariant(parseSpintax('a\\{b\\|c\\}d\\\\e'), 0n)).toBe('a{b|c}d\\e');
  });

  it('keeps a backslash that does not start an escape', () => {
    expect(unrankVariant(parseSpintax('C:\\temp'), 0n)).toBe('C:\\temp');
  });

  it('resolves a variable naming a dictionary to that dictionary, case-insensitively', () => {
    const template = parseSpintax('{Color} car', { dictionaries: { COLOR: ['red', 'blue'] } });
    expect(template.root[0]).toMatchObject({ kind: 'dictionary', name: 'color', terms: ['red', 'blue'] });
    expect(countVariants(template)).toBe(2n);
  });

  it('binds dictionaries late without changing the original tree', () => {
    const parsed = parseSpintax('{a|{Color}}');
    const bound = bindDictionaries(parsed, { color: ['red', 'blue', 'green'] });
    expect(countVariants(parsed)).toBe(2n);
    expect(countVariants(bound)).toBe(4n);
  });

  it('tracks line and column across newlines', () => {
    const variable = parseSpintax('line one\n{a|b} {City}').root.at(-1);
    expect(variable).toMatchObject({ position: { line: 2, column: 7, offset: 15 } });
  });
});

describe('parseSpintax syntax errors', () => {
  it('reports an unclosed brace at the brace that was opened', () => {
    const error = syntaxErrorOf('ok\n  {a|b');
    expect(error).toMatchObject({ code: 'SPINTAX_SYNTAX', line: 2, column: 3, offset: 5 });
    expect(error.message).toContain("Unclosed '{'");
  });

  it('reports the innermost unclosed brace', () => {
    expect(syntaxErrorOf('{a|{b|c')).toMatchObject({ line: 1, column: 4 });
  });

  it('reports a stray closing brace', () => {
    expect(syntaxErrorOf('a}b')).toMatchObject({ line: 1, column: 2 });
  });

  it('reports a stray pipe at top level with a hint to escape it', () => {
    const error = syntaxErrorOf('Plumbers | {City}');
    expect(error).toMatchObject({ line: 1, column: 10 });
    expect(error.reason).toContain('\\|');
  });

  it('reports a trailing backslash', () => {
    expect(syntaxErrorOf('abc\\')).toMatchObject({ line: 1, column: 4 });
  });

  it('reports the second line correctly after CRLF line endings', () => {
    expect(syntaxErrorOf('a\r\n}')).toMatchObject({ line: 2, column: 1 });
  });
});

describe('nesting depth', () => {
  it(`accepts groups nested ${MAX_SPINTAX_DEPTH} deep and counts, unranks and samples them`, () => {
    const source = `${'{a|'.repeat(MAX_SPINTAX_DEPTH)}z${'}'.repeat(MAX_SPINTAX_DEPTH)}`;
    const template = parseSpintax(source);
    expect(countVariants(template)).toBe(BigInt(MAX_SPINTAX_DEPTH + 1));
    expect(unrankVariant(template, 0n)).toBe('a');
    expect(validateTemplate(template, []).length).toBe(0);
    expect(bindDictionaries(template, { a: ['x'] }).root).toHaveLength(1);
  });

  it('rejects deeper nesting with a syntax error at the first group too many, not a stack overflow', () => {
    for (const depth of [MAX_SPINTAX_DEPTH + 1, 3000, 100_000]) {
      const source = `x\n${'{a|'.repeat(depth)}z${'}'.repeat(depth)}`;
      const error = syntaxErrorOf(source);
      expect(error.reason).toMatch(/nested more than 100 deep/);
      expect(error.line).toBe(2);
      expect(error.column).toBe(MAX_SPINTAX_DEPTH * 3 + 1);
    }
  });
});

describe('scanSpintax', () => {
  it('yields the lexemes the parser reads, with spans and the line and column each starts at', () => {
    const lexemes = [...scanSpintax('{a|b}\n{{City}} \\|x')].map(({ type, start, end, position }) => [
      type,
      start,
      end,
      position.line,
      position.column,
    ]);
    expect(lexemes).toEqual([
      ['open', 0, 1, 1, 1],
      ['text', 1, 2, 1, 2],
      ['pipe', 2, 3, 1, 3],
      ['text', 3, 4, 1, 4],
      ['close', 4, 5, 1, 5],
      ['text', 5, 6, 1, 6],
      ['variable', 6, 14, 2, 1],
      ['text', 14, 15, 2, 9],
      ['escape', 15, 17, 2, 10],
      ['text', 17, 18, 2, 12],
    ]);
  });
});

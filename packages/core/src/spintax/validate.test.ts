import { describe, expect, it } from 'vitest';
import { parseSpintax } from './parse.js';
import { listVariables, STANDARD_VARIABLES, validateTemplate } from './validate.js';

describe('validateTemplate', () => {
  it('accepts standard variables in any case', () => {
    const template = parseSpintax('{CITY}, {State_Code} {avatar_name} {{YEAR}} {Month}');
    expect(validateTemplate(template, STANDARD_VARIABLES)).toEqual([]);
  });

  it('reports unknown variables with their positions, including inside groups', () => {
    const template = parseSpintax('Hi {City}\n{a|{Zip}}');
    expect(validateTemplate(template, STANDARD_VARIABLES)).toEqual([
      {
        code: 'UNKNOWN_VARIABLE',
        name: 'Zip',
        message: 'Unknown variable {Zip}',
        line: 2,
        column: 4,
        offset: 13,
      },
    ]);
  });

  it('accepts campaign niche variables passed as known', () => {
    const template = parseSpintax('{Service_Type} in {City}');
    expect(validateTemplate(template, [...STANDARD_VARIABLES, 'service_type'])).toEqual([]);
  });

  it('does not report dictionary references as unknown variables', () => {
    const template = parseSpintax('{Tone}', { dictionaries: { tone: ['calm'] } });
    expect(validateTemplate(template, [])).toEqual([]);
  });

  it('reports an empty dictionary because it zeroes the variant count', () => {
    const template = parseSpintax('{Tone}', { dictionaries: { tone: [] } });
    expect(validateTemplate(template, [])).toMatchObject([{ code: 'EMPTY_DICTIONARY', name: 'tone' }]);
  });
});

describe('listVariables', () => {
  it('lists distinct lower-cased variable names in first-use order', () => {
    expect(listVariables(parseSpintax('{City} {a|{State}} {CITY}'))).toEqual(['city', 'state']);
  });
});

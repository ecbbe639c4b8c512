import { describe, expect, it } from 'vitest';
import { type InvalidBlock, parseBlocks } from './parse-blocks.js';

describe('parseBlocks', () => {
  it('keeps valid blocks in order and reports invalid ones with their index and type', () => {
    const invalid: InvalidBlock[] = [];
    const blocks = parseBlocks(
      [
        { type: 'quote', text: 'Honest work.' },
        { type: 'hero' },
        { type: 'no_such_block', heading: 'x' },
        null,
        { type: 'stats', items: [{ value: '15', label: 'Years' }] },
      ],
      (report) => invalid.push(report),
    );
    expect(blocks.map((block) => block.type)).toEqual(['quote', 'stats']);
    expect(invalid.map((report) => [report.index, report.type])).toEqual([
      [1, 'hero'],
      [2, 'no_such_block'],
      [3, undefined],
    ]);
    expect(invalid[0]?.issues.join(' ')).toContain('heading');
  });

  it('sanitises rich text and column HTML before any component sees it', () => {
    const [richText, columns] = parseBlocks(
      [
        {
          type: 'rich_text',
          html: '<p onclick="x()">Hi<script>alert(1)</script></p><img src=x onerror=alert(1)>',
        },
        {
          type: 'columns',
          columns: [{ html: '<a href="javascript:alert(1)">a</a>' }, { html: '<p>ok</p>' }],
        },
      ],
      () => {},
    );
    expect(richText).toEqual({ type: 'rich_text', html: '<p>Hi</p>' });
    expect(columns?.type === 'columns' && columns.columns[0]?.html).toBe('a');
  });
});

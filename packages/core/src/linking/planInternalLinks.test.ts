import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../html/sanitizeHtml.js';
import { htmlToText } from '../html/text.js';
import { type LinkTarget, planInternalLinks } from './planInternalLinks.js';

const filler = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('planInternalLinks', () => {
  it('links the first occurrence of an anchor phrase, case-insensitively, keeping the text', () => {
    const html = '<p>We serve Round Rock and round rock again.</p>';
    const result = planInternalLinks(html, [{ id: 't1', url: '/round-rock', anchors: ['round rock'] }]);
    expect(result.html).toBe('<p>We serve <a href="/round-rock">Round Rock</a> and round rock again.</p>');
    expect(result.links).toEqual([
      {
        targetId: 't1',
        url: '/round-rock',
        anchorPhrase: 'round rock',
        anchorText: 'Round Rock',
        wordIndex: 2,
        offset: 12,
      },
    ]);
  });

  it('matches an ASCII phrase in non-ASCII text by Unicode case folding (the Kelvin sign is a k)', () => {
    const html = '<p>Ask \u212Aeller Roofing about it.</p>';
    const { links } = planInternalLinks(html, [{ id: 't', url: '/keller', anchors: ['keller roofing'] }]);
    expect(links.map((link) => link.anchorText)).toEqual(['\u212Aeller Roofing']);
  });

  it('skips phrases absent from ASCII text and still finds them where present', () => {
    const html = `<p>${filler(30)} Cedar Park roofing.</p><p>${filler(30)} Leander and cedar park.</p>`;
    const targets: LinkTarget[] = [
      { id: 'a', url: '/austin', anchors: ['Austin'] },
      { id: 'b', url: '/leander', anchors: ['Leander'] },
      { id: 'c', url: '/cedar-park', anchors: ['cedar park'] },
    ];
    const { links } = planInternalLinks(html, targets);
    expect(links.map((link) => [link.targetId, link.anchorText])).toEqual([
      ['c', 'Cedar Park'],
      ['b', 'Leander'],
    ]);
  });

  it('matches whole words only', () => {
    const html = '<p>Austinite pride, not Austin.</p>';
    const { html: out } = planInternalLinks(html, [{ id: 't', url: '/austin', anchors: ['Austin'] }]);
    expect(out).toBe('<p>Austinite pride, not <a href="/austin">Austin</a>.</p>');
  });

  it('never links inside headings or existing links, and never touches attributes', () => {
    const html =
      '<h2>Austin plumbing</h2><p><a href="/austin-guide">Austin guide</a> <a href="/x" >x</a></p>';
    const result = planInternalLinks(html, [{ id: 't', url: '/austin', anchors: ['austin', 'x'] }]);
    expect(result.links).toEqual([]);
    expect(result.html).toBe(html);
  });

  it('does not link to itself or to a URL the article already links to', () => {
    const html = '<p>Dallas and Austin and <a href="/houston">Houston</a>, then Houston again.</p>';
    const result = planInternalLinks(
      html,
      [
        { id: 'self', url: '/dallas', anchors: ['Dallas'] },
        { id: 'austin', url: '/austin', anchors: ['Austin'] },
        { id: 'houston', url: '/houston', anchors: ['Houston'] },
      ],
      { selfId: 'self', minWordDistance: 0 },
    );
    expect(result.links.map((link) => link.targetId)).toEqual(['austin']);
  });

  it('inserts at most one link per target and at most maxLinks in total', () => {
    const cities = ['Austin', 'Dallas', 'Houston', 'Waco', 'Tyler', 'Plano', 'Frisco'];
    const html = `<p>${cities.map((city) => `${city} ${filler(30)} ${city}`).join(' ')}</p>`;
    const targets = cities.map((city) => ({ id: city, url: `/${city.toLowerCase()}`, anchors: [city] }));
    const result = planInternalLinks(html, targets);
    expect(result.links).toHaveLength(5);
    expect(new Set(result.links.map((link) => link.targetId)).size).toBe(5);
    expect(planInternalLinks(html, targets, { maxLinks: 2 }).links).toHaveLength(2);
  });

  it('keeps the minimum word distance between inserted links', () => {
    const html = `<p>Austin Dallas ${filler(10)} Houston ${filler(40)} Waco</p>`;
    const targets = ['Austin', 'Dallas', 'Houston', 'Waco'].map((c) => ({
      id: c,
      url: `/${c}`,
      anchors: [c],
    }));
    const result = planInternalLinks(html, targets, { minWordDistance: 20 });
    expect(result.links.map((link) => link.targetId)).toEqual(['Austin', 'Waco']);
  });

  it('prefers anchor phrases that have been used less', () => {
    const html = `<p>emergency plumber ${filler(5)} 24 hour plumber</p>`;
    const target = { id: 't', url: '/emergency', anchors: ['emergency plumber', '24 hour plumber'] };
    const fresh = planInternalLinks(html, [target]);
    expect(fresh.links[0]?.anchorPhrase).toBe('emergency plumber');
    const varied = planInternalLinks(html, [target], { anchorUsage: new Map([['emergency plumber', 3]]) });
    expect(varied.links[0]?.anchorPhrase).toBe('24 hour plumber');
  });

  it('skips targets with unsafe URLs and escapes target URLs', () => {
    const html = '<p>Austin and Dallas</p>';
    const result = planInternalLinks(
      html,
      [
        { id: 'bad', url: 'javascript:alert(1)', anchors: ['Austin'] },
        { id: 'ok', url: '/d?a=1&b="2"', anchors: ['Dallas'] },
      ],
      { minWordDistance: 0 },
    );
    expect(result.html).toBe('<p>Austin and <a href="/d?a=1&amp;b=&quot;2&quot;">Dallas</a></p>');
  });

  it('matches anchors containing characters that are escaped in HTML', () => {
    const html = sanitizeHtml('<p>Visit Barnes & Noble today.</p>');
    const result = planInternalLinks(html, [{ id: 'b', url: '/bn', anchors: ['Barnes & Noble'] }]);
    expect(result.html).toBe('<p>Visit <a href="/bn">Barnes &amp; Noble</a> today.</p>');
  });

  it('preserves the visible text and keeps the HTML sanitiser-stable', () => {
    const phrases = ['alpha', 'beta gamma', 'delta'];
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            'alpha',
            'beta',
            'gamma',
            'delta',
            'x',
            '<p>',
            '</p>',
            '<h2>',
            '</h2>',
            '<strong>',
            '</strong>',
          ),
          {
            maxLength: 60,
          },
        ),
        fc.integer({ min: 0, max: 5 }),
        (parts, distance) => {
          const html = sanitizeHtml(parts.join(' '));
          const targets: LinkTarget[] = phrases.map((phrase, i) => ({
            id: `t${i}`,
            url: `/t${i}`,
            anchors: [phrase],
          }));
          const result = planInternalLinks(html, targets, { minWordDistance: distance });
          expect(htmlToText(result.html)).toBe(htmlToText(html));
          expect(sanitizeHtml(result.html)).toBe(result.html);
          expect(result.links.length).toBeLessThanOrEqual(5);
          expect(result.html.match(/<a /g)?.length ?? 0).toBe(result.links.length);
        },
      ),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { heroLead } from './hero-lead.js';

const body =
  '<p>Looking for a reliable roofer in Austin? Our crews have replaced roofs across Travis County since 2009.</p><h2>Why us</h2><p>More.</p>';

describe('heroLead', () => {
  it('drops an excerpt that is the first paragraph cut short', () => {
    expect(heroLead('Looking for a reliable roofer in Austin? Our crews have replaced…', body)).toBeNull();
  });

  it('drops an excerpt that is the whole first paragraph, whatever its spacing and entities', () => {
    expect(
      heroLead(
        'Looking for a  reliable roofer in Austin?\nOur crews have replaced roofs across Travis County since 2009.',
        body,
      ),
    ).toBeNull();
    expect(heroLead('Caf\u00e9 owners trust us.', '<p>Caf&eacute; owners trust us.</p>')).toBeNull();
  });

  it('keeps an excerpt written to stand on its own', () => {
    expect(heroLead('Storm-tough roofs, installed in a day.', body)).toBe(
      'Storm-tough roofs, installed in a day.',
    );
  });

  it('shows nothing for an empty excerpt', () => {
    expect(heroLead(null, body)).toBeNull();
    expect(heroLead('  ', body)).toBeNull();
  });
});

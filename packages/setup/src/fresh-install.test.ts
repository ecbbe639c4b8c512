import { describe, expect, it } from 'vitest';
import { decideFreshInstall } from './fresh-install.js';

describe('decideFreshInstall', () => {
  it('keeps the data unless FORCE_FRESH_INSTALL is true', () => {
    expect(decideFreshInstall({}, 'spark')).toEqual({ kind: 'keep' });
    expect(
      decideFreshInstall({ FORCE_FRESH_INSTALL: 'false', FORCE_FRESH_INSTALL_CONFIRM: 'spark' }, 'spark'),
    ).toEqual({
      kind: 'keep',
    });
  });

  it('refuses to wipe without a confirmation naming the database', () => {
    const decision = decideFreshInstall({ FORCE_FRESH_INSTALL: 'true' }, 'spark');
    expect(decision.kind).toBe('refuse');
    expect(decision.kind === 'refuse' && decision.message).toContain('FORCE_FRESH_INSTALL_CONFIRM=spark');
  });

  it('refuses when the confirmation names another database', () => {
    const decision = decideFreshInstall(
      { FORCE_FRESH_INSTALL: 'TRUE', FORCE_FRESH_INSTALL_CONFIRM: 'spark_prod' },
      'spark',
    );
    expect(decision.kind === 'refuse' && decision.message).toContain(
      '"spark_prod", which names another database',
    );
  });

  it('wipes when both variables agree', () => {
    expect(
      decideFreshInstall({ FORCE_FRESH_INSTALL: 'true', FORCE_FRESH_INSTALL_CONFIRM: 'spark' }, 'spark'),
    ).toEqual({
      kind: 'wipe',
    });
  });
});

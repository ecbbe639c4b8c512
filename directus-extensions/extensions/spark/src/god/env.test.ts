import { describe, expect, it } from 'vitest';
import { checkGodEnv } from './env.js';

describe('checkGodEnv', () => {
  it('accepts god mode off (unset or empty) and a long random token', () => {
    for (const GOD_MODE_TOKEN of [undefined, '', '   ', 'pX3-9fQ_w2LzR8vK1mN4', 1234567890123456])
      expect(() => checkGodEnv({ GOD_MODE_TOKEN })).not.toThrow();
  });

  it.each([
    'short',
    '# leave empty to disable god mode',
    'two words but long enough',
    'tab\tinside-a-long-token',
  ])('refuses %j, naming GOD_MODE_TOKEN', (GOD_MODE_TOKEN) => {
    expect(() => checkGodEnv({ GOD_MODE_TOKEN })).toThrow(/^GOD_MODE_TOKEN must be/);
  });
});

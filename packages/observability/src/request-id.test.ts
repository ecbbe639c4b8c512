import { describe, expect, it } from 'vitest';
import { requestIdFor } from './request-id.js';

const fresh = () => 'generated-id';

describe('requestIdFor', () => {
  it("keeps a trusted proxy's valid id", () => {
    expect(requestIdFor('edge-1234', true, fresh)).toBe('edge-1234');
    expect(requestIdFor(['edge-1', 'edge-2'], true, fresh)).toBe('edge-1');
  });

  it('replaces an id sent by an untrusted peer', () => {
    expect(requestIdFor('edge-1234', false, fresh)).toBe('generated-id');
  });

  it('replaces a malformed or missing id even from a trusted proxy', () => {
    expect(requestIdFor('a\r\nset-cookie: x', true, fresh)).toBe('generated-id');
    expect(requestIdFor('', true, fresh)).toBe('generated-id');
    expect(requestIdFor(undefined, true, fresh)).toBe('generated-id');
  });

  it('generates UUIDs by default', () => {
    expect(requestIdFor(null, false)).toMatch(/^[0-9a-f-]{36}$/);
  });
});

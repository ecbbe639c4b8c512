import type { APIContext } from 'astro';
import { describe, expect, it } from 'vitest';
import { POST } from '../../../pages/api/track/[kind].js';

describe('the Astro tracking route (astro dev)', () => {
  it('answers an unknown tracking kind with a 404 in the envelope, before any I/O', async () => {
    const context = { params: { kind: 'scroll' } } as unknown as APIContext;
    const response = await POST(context);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});

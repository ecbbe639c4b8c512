import { describe, expect, it } from 'vitest';
import { safeNext } from './admin-page.js';

describe('where sign-in leads', () => {
  it('follows admin paths only', () => {
    expect(safeNext('/admin/board')).toBe('/admin/board');
    expect(safeNext('/admin/campaigns/8a0f6e2c-0000-4000-8000-000000000000')).toBe(
      '/admin/campaigns/8a0f6e2c-0000-4000-8000-000000000000',
    );
    expect(safeNext('//evil.example/admin')).toBe('/admin');
    expect(safeNext('https://evil.example')).toBe('/admin');
    expect(safeNext('/admin/sign-in')).toBe('/admin');
    expect(safeNext('/administrator')).toBe('/admin');
    expect(safeNext(null)).toBe('/admin');
  });
});

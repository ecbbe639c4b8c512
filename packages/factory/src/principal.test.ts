import { AppError } from '@spark/contracts';
import { describe, expect, it } from 'vitest';
import {
  assertAdministrator,
  canAccessSite,
  type Principal,
  resolveSiteScope,
  visibleSiteIds,
} from './principal.js';

const alpha = '11111111-1111-4111-8111-111111111111';
const beta = '22222222-2222-4222-8222-222222222222';
const editor: Principal = { userId: 'u', email: null, isAdmin: false, siteIds: [alpha] };
const admin: Principal = { userId: 'a', email: null, isAdmin: true, siteIds: [] };

describe('site scoping', () => {
  it('lets an editor act on their own site only', () => {
    expect(canAccessSite(editor, alpha)).toBe(true);
    expect(canAccessSite(editor, beta)).toBe(false);
    expect(resolveSiteScope(editor, undefined)).toBe(alpha);
    expect(() => resolveSiteScope(editor, beta)).toThrowError(AppError);
    try {
      resolveSiteScope(editor, beta);
    } catch (error) {
      expect((error as AppError).status).toBe(404);
    }
  });

  it('lets an admin act on any site but asks which one', () => {
    expect(resolveSiteScope(admin, beta)).toBe(beta);
    expect(() => resolveSiteScope(admin, undefined)).toThrow(/Name the site/);
    expect(visibleSiteIds(admin)).toBeNull();
    expect(visibleSiteIds(editor)).toEqual([alpha]);
  });
});

describe('operations access', () => {
  it('lets administrators through and refuses a site member with 403', () => {
    expect(() => assertAdministrator(admin)).not.toThrow();
    expect(() => assertAdministrator(editor)).toThrowError(
      expect.objectContaining({ code: 'FORBIDDEN', status: 403 }),
    );
  });
});

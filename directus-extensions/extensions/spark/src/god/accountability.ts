import type { Accountability } from '@directus/types';
import type { Request } from 'express';

/**
 * God mode acts as an administrator by design (it exists to change the schema). The accountability is spelled
 * out instead of omitted, so services that require `admin` (snapshot, cache clear) accept it and Directus's
 * activity log still records where the call came from.
 */
export function godAccountability(req: Request): Accountability {
  const userAgent = req.get('user-agent');
  const origin = req.get('origin');
  return {
    role: null,
    roles: [],
    user: null,
    admin: true,
    app: false,
    ip: req.ip ?? null,
    ...(userAgent ? { userAgent } : {}),
    ...(origin ? { origin } : {}),
  };
}

import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError } from '@spark/contracts';
import { serverEnv } from '../env.js';
import { authenticate } from './authenticate.js';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Whether a health probe may see per-dependency detail: no Authorization header = no (the shallow answer);
 * HEALTH_TOKEN (compared in constant time, and checked first so monitoring works while Directus is down) or
 * a Directus admin token = yes; any other token is a 401 rather than a silent downgrade.
 */
export async function mayReadHealthDetail(request: Request): Promise<boolean> {
  const header = request.headers.get('authorization');
  if (!header) return false;
  const token = /^Bearer\s+(\S+)$/i.exec(header.trim())?.[1] ?? '';
  const healthToken = serverEnv().HEALTH_TOKEN;
  if (healthToken && timingSafeEqual(digest(token), digest(healthToken))) return true;
  const principal = await authenticate(request);
  if (!principal.isAdmin)
    throw new AppError('FORBIDDEN', 'Health detail needs HEALTH_TOKEN or an admin token');
  return true;
}

import { request } from 'node:http';
import { PRERENDER_HEADER } from '@spark/contracts';
import { claimWantedPages, type Pool, type WantedPage, wantPages } from '@spark/db';

/** Where the frontend answers and how its visitors reach the sites (the origin pages are rendered under). */
export interface PrerenderTarget {
  /** The frontend's internal address (`http://frontend:4321`). */
  frontendUrl: string;
  /**
   * The public origin of a site, `*` standing for its domain (`https://*`): sent as the Host
   * header and X-Forwarded-Proto (which a frontend honours from a peer it trusts as its proxy), so the page is
   * rendered, and stored, under the origin its visitors ask for.
   */
  publicOrigin: string;
}

const PRERENDER_TIMEOUT_MS = 30_000;

/**
 * Asks the frontend for one page as a visitor of its site would (Host: the site's domain), marked as a
 * prerender, so the frontend renders it into the render store. Resolves with the status (a page that is no
 * longer live answers 404 and is simply not stored); rejects when the frontend cannot be reached.
 */
export function prerenderPage(
  target: PrerenderTarget,
  page: Pick<WantedPage, 'domain' | 'path'>,
): Promise<number> {
  const frontend = new URL(target.frontendUrl);
  const origin = new URL(target.publicOrigin.replace('*', page.domain));
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname: frontend.hostname,
        port: frontend.port || 80,
        path: page.path,
        method: 'GET',
        headers: {
          host: origin.host,
          'x-forwarded-proto': origin.protocol.slice(0, -1),
          [PRERENDER_HEADER]: '1',
          'accept-encoding': 'identity',
        },
        timeout: PRERENDER_TIMEOUT_MS,
      },
      (res) => {
        res.resume();
        res.once('end', () => resolve(res.statusCode ?? 0));
        res.once('error', reject);
      },
    );
    req.once('timeout', () => req.destroy(new Error(`prerender of ${page.path} timed out`)));
    req.once('error', reject);
    req.end();
  });
}

/**
 * Claims up to `batch` wanted pages and prerenders them, `concurrency` at a time (the frontend renders on one
 * core; prerendering must leave room for visitors). Pages the frontend could not be asked for go back on the
 * queue. Returns how many were claimed and how many of those failed.
 */
export async function renderWantedPages(
  pool: Pool,
  target: PrerenderTarget,
  { batch, concurrency }: { batch: number; concurrency: number },
): Promise<{ claimed: number; failed: number }> {
  const pages = await claimWantedPages(pool, batch);
  const failed: WantedPage[] = [];
  let next = 0;
  const lane = async () => {
    for (let page = pages[next++]; page; page = pages[next++]) {
      try {
        await prerenderPage(target, page);
      } catch {
        failed.push(page);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, pages.length) }, lane));
  await wantPages(pool, failed);
  return { claimed: pages.length, failed: failed.length };
}

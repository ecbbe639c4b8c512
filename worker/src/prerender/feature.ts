import { renderWantedPages } from '@spark/jobs';
import type { WorkerFeature } from '../feature.js';
import { processLogger } from '../logging.js';

/** Pages claimed per round: small, so a stop waits for little and several workers share the queue. */
const BATCH = 20;
/** How often an empty queue is looked at again. */
const IDLE_MS = 2_000;
/** After a round in which the frontend could not be reached. */
const RETRY_MS = 15_000;

/**
 * Render at publish: takes the pages the render store wants (newly published articles, pages an invalidation
 * deleted) off its queue in PostgreSQL and asks the frontend for each, so a page no visitor asked for yet is
 * served from the store. Off without FRONTEND_INTERNAL_URL.
 */
export const prerenderFeature: WorkerFeature = {
  name: 'prerender',
  async start({ env, pool }) {
    const frontendUrl = env.FRONTEND_INTERNAL_URL;
    if (!frontendUrl) {
      processLogger.info('FRONTEND_INTERNAL_URL is not set: article pages are not rendered ahead');
      return { close: async () => {} };
    }
    const target = { frontendUrl, publicOrigin: env.PRERENDER_ORIGIN };
    const log = processLogger.child({ feature: 'prerender' });
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    let round: Promise<void> = Promise.resolve();
    const run = async () => {
      let delay = IDLE_MS;
      try {
        const { claimed, failed } = await renderWantedPages(pool, target, {
          batch: BATCH,
          concurrency: env.PRERENDER_CONCURRENCY,
        });
        if (failed > 0)
          log.warn({ claimed, failed }, 'frontend unreachable for prerendering; retrying later');
        delay = failed > 0 ? RETRY_MS : claimed > 0 ? 0 : IDLE_MS;
      } catch (error) {
        log.warn({ err: error }, 'prerender round failed');
        delay = RETRY_MS;
      }
      if (!stopped) timer = setTimeout(() => (round = run()), delay);
    };
    round = run();
    return {
      async close() {
        stopped = true;
        clearTimeout(timer);
        await round;
      },
    };
  },
};

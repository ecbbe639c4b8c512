import { createInsertLinksJob, createScanDuplicatesJob } from './analysis-jobs.js';
import { boardColumn } from './board.js';
import { campaignOptions, searchPlaces } from './campaign-options.js';
import { createCampaign, deleteCampaign, getCampaign, listCampaigns, updateCampaign } from './campaigns.js';
import { cancelJob } from './cancel-job.js';
import type { FactoryDeps } from './deps.js';
import { checkGenerationJob, createGenerationJob, startStoredGenerationJob } from './generation.js';
import { persistHeadlines, previewHeadlines } from './headlines.js';
import { importBlueprintAs } from './import-blueprint.js';
import { streamJobStatus } from './job-stream.js';
import { getJobStatus, listJobs } from './jobs.js';
import { linksReport } from './links-report.js';
import { browseLocations } from './locations.js';
import { processQueueNow } from './process-queue.js';
import { publishArticles } from './publishing.js';
import { decideQualityFlag, listQualityFlags } from './quality-flags.js';
import { retryJob } from './retry-job.js';
import { approveArticles, returnToReview } from './review.js';

export { validateHeadlineDefinition } from './campaign-definition.js';
export { dropStaleHeadlines } from './campaigns.js';
export type { FactoryDeps } from './deps.js';
export { routeId } from './jobs.js';
export { loadPrincipal } from './load-principal.js';
export {
  assertAdministrator,
  canAccessSite,
  type Principal,
  resolveSiteScope,
  visibleSiteIds,
} from './principal.js';

/** Every use case of the content factory; each takes its dependencies first. */
const USE_CASES = {
  listCampaigns,
  getCampaign,
  createCampaign,
  updateCampaign,
  deleteCampaign,
  campaignOptions,
  searchPlaces,
  browseLocations,
  previewHeadlines,
  persistHeadlines,
  createGenerationJob,
  checkGenerationJob,
  startStoredGenerationJob,
  getJobStatus,
  listJobs,
  streamJobStatus,
  cancelJob,
  retryJob,
  boardColumn,
  approveArticles,
  returnToReview,
  publishArticles,
  processQueueNow,
  createScanDuplicatesJob,
  createInsertLinksJob,
  importBlueprintAs,
  listQualityFlags,
  decideQualityFlag,
  linksReport,
};

type WithoutDeps<F> = F extends (deps: FactoryDeps, ...args: infer A) => infer R ? (...args: A) => R : never;
export type Factory = { [K in keyof typeof USE_CASES]: WithoutDeps<(typeof USE_CASES)[K]> };

/** The factory's use cases bound to one set of dependencies: what an app's composition root hands out. */
export function createFactory(deps: FactoryDeps): Factory {
  const bound: Record<string, unknown> = {};
  for (const [name, useCase] of Object.entries(USE_CASES)) {
    bound[name] = (...args: unknown[]) =>
      (useCase as (deps: FactoryDeps, ...rest: unknown[]) => unknown)(deps, ...args);
  }
  return bound as Factory;
}

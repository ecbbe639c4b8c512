export { findOrphans, type LinkEdge } from './findOrphans.js';
export {
  type LinkTarget,
  type PlanInternalLinksOptions,
  type PlannedLink,
  planInternalLinks,
} from './planInternalLinks.js';

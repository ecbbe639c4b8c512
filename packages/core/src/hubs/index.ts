export {
  AREAS_ROOT,
  type AreaArticle,
  type AreaHub,
  type AreaHubTree,
  type AreaSectionLink,
  areaSectionLinks,
  areaSuccessors,
  buildAreaHubTree,
  type HubLevel,
  hubTrail,
  NEARBY_AREA_KM,
  NEARBY_AREA_LIMIT,
  stateHubPath,
} from './areaHubs.js';
export {
  findHubPage,
  HUB_PAGE_SIZE,
  type HubPage,
  hubListing,
  hubPageCount,
  hubPagePath,
  hubPagePaths,
} from './hubPages.js';
export { articlePageTagsOf, neighbourTagsOf, tagsTouchedBy } from './pageTags.js';

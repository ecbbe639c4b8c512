export {
  AREAS_ROOT,
  type AreaArticle,
  type AreaHub,
  type AreaHubTree,
  areaSuccessors,
  buildAreaHubTree,
  type HubLevel,
  hubTrail,
  stateHubPath,
} from './areaHubs.js';

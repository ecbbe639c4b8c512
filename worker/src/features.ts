import type { WorkerFeature } from './feature.js';
import { factoryFeature } from './generation/feature.js';
import { ingestionFeature } from './ingestion/feature.js';
import { heartbeatFeature } from './liveness/heartbeat.js';
import { maintenanceFeature } from './maintenance.js';
import { prerenderFeature } from './prerender/feature.js';
import { rollupsFeature } from './rollups/feature.js';
import { webhooksFeature } from './webhooks/feature.js';

/** Every feature this worker process runs. Add a feature: one import and one entry. */
export const FEATURES: WorkerFeature[] = [
  maintenanceFeature,
  ingestionFeature,
  webhooksFeature,
  rollupsFeature,
  factoryFeature,
  prerenderFeature,
  // Last: the first beat then also proves every feature above started.
  heartbeatFeature,
];

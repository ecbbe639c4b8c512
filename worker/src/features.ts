import type { WorkerFeature } from './feature.js';
import { maintenanceFeature } from './maintenance.js';

/** Every feature this worker process runs. Add a feature: one import and one entry. */
export const FEATURES: WorkerFeature[] = [maintenanceFeature];

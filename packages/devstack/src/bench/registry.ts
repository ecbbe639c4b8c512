import { adminBundleBenchmark } from './admin-bundle.js';
import { corpusBenchmark } from './corpus.js';
import { dashboardBenchmark } from './dashboard.js';
import { generationBenchmark } from './generation.js';
import type { Benchmark } from './harness.js';
import { scaleBenchmark } from './scale.js';
import { sitePagesBenchmark } from './site-pages.js';
import { trackingBenchmark } from './tracking.js';

/**
 * Every benchmark `npm run bench` runs, in order (those marked `onlyWhenNamed` only as `npm run bench <name>`).
 * For example `npm run bench corpus`. Add one: a module in this folder and an entry here.
 */
export const BENCHMARKS: Benchmark[] = [
  trackingBenchmark,
  sitePagesBenchmark,
  generationBenchmark,
  adminBundleBenchmark,
  dashboardBenchmark,
  corpusBenchmark,
  scaleBenchmark,
];

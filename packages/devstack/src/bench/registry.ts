import { adminBundleBenchmark } from './admin-bundle.js';
import { corpusBenchmark } from './corpus.js';
import { generationBenchmark } from './generation.js';
import type { Benchmark } from './harness.js';
import { sitePagesBenchmark } from './site-pages.js';
import { trackingBenchmark } from './tracking.js';

/**
 * Every benchmark `npm run bench` runs, in order; `npm run bench <name>` runs only the named ones (e.g.
 * `npm run bench corpus`). Add one: a module in this folder and an entry here.
 */
export const BENCHMARKS: Benchmark[] = [
  trackingBenchmark,
  sitePagesBenchmark,
  generationBenchmark,
  adminBundleBenchmark,
  corpusBenchmark,
];

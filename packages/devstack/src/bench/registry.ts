import type { Benchmark } from './harness.js';

/** Every benchmark `npm run bench` runs, in order. Add one: a module in this folder and an entry here. */
export const BENCHMARKS: Benchmark[] = [];

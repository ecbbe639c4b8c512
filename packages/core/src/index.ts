/**
 * @spark/core — the content engine as pure functions: no I/O, no environment, no clock (pass `now`),
 * no Math.random (pass a seed). See README.md for each module's invariants.
 */
export * from './analytics/index.js';
export * from './article/index.js';
export * from './cartesian/index.js';
export * from './corpus/index.js';
export * from './dedupe/index.js';
export * from './html/index.js';
export * from './hubs/index.js';
export * from './linking/index.js';
export * from './random/index.js';
export * from './scheduling/index.js';
export * from './spintax/index.js';

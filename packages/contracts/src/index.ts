export * from './blocks.js';
export * from './blueprint.js';
export * from './blueprint-campaign.js';
export * from './blueprint-library.js';
export * from './blueprint-site.js';
export * from './cache.js';
export * from './errors.js';

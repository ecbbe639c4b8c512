export * from './articles.js';
export * from './campaigns.js';
export * from './jobs.js';
export * from './operations.js';
export * from './quality.js';
export * from './session.js';

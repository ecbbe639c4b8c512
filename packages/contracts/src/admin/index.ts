export * from './articles.js';
export * from './campaigns.js';
export * from './insights.js';
export * from './jobs.js';
export * from './session.js';

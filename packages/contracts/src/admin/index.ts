export * from '../api/admin-leads.js';
export * from './articles.js';
export * from './campaigns.js';
export * from './insights.js';
export * from './jobs.js';
export * from './library.js';
export * from './session.js';

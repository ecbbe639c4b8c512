export * from './admin.js';
export * from './admin-leads.js';
export * from './leads.js';
export * from './routes.js';
export * from './tracking.js';

export { type ImportOptions, importBlueprint } from './import.js';
export type { ImportReport, Outcome } from './report.js';
export { BlueprintReferenceError } from './resolve.js';

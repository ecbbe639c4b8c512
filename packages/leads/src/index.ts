export { csvCell, csvRow } from './csv.js';
export { type LeadExportFilter, leadsCsvStream } from './export-leads.js';
export { CONTACT_FIELDS, submissionSchema } from './field-schema.js';
export { type Attribution, attribution, type LeadColumns, leadColumns } from './lead-record.js';
export { type LeadForm, loadForm } from './load-form.js';
export { MIN_FILL_MS, spamReasonFor } from './spam-signals.js';
export { type LeadDevice, type LeadPage, type NewLead, storeLead } from './store-lead.js';
